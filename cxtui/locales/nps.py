"""nps strings: (English, Japanese) for every key `nps.<area>.<name>`."""

STRINGS = {
    "nps.cmd.group": (
        "NPS: import survey exports, show NPS with its 95 % interval, compare before and after.",
        "NPS: アンケート結果の取り込み、95% 信頼区間つきの NPS の表示、施策前後の比較。",
    ),
    "nps.cmd.import": (
        "Import the survey export SOURCE into the workspace FILE (created if it does not exist).\n\nEvery row is imported, skipped as blank or rejected with its line number and reason. The import is one transaction, read in batches (memory stays flat). A file already imported into any survey is refused, and so are answers already in the workspace (same time, score and comment; answers dated without a time only when they repeat an earlier import as a whole) unless --skip-duplicates, so no answer is ever counted twice. A score column of 1-5 answers only is refused unless --force-scale. Dates such as 03/04/2026 are read as the file shows (a row like 13/04/2026 settles it); when no row does, --date-format is needed.\n\nLimits: a regular file of at most 256 MB, 2,000,000 rows, 1,000 columns, 32,767 characters a cell; dates 1900-01-01 to 2100-12-31.",
        "アンケート結果のファイル SOURCE をワークスペース FILE に取り込みます(FILE がなければ作成)。\n\nすべての行を、取り込む・空行として飛ばす・行番号と理由つきで取り込まない、のいずれかにします。取り込みは 1 つのトランザクションで、少しずつ読むのでメモリは増えません。どのアンケートにすでに取り込んだファイルも、ワークスペースにすでにある回答(同じ時刻・点数・コメント。時刻のない日付だけの回答は、以前の取り込みとまるごと同じときだけ)も、--skip-duplicates がなければ取り込みません。同じ回答を二重に数えることはありません。1〜5 の回答だけの点数列は --force-scale がなければ取り込みません。03/04/2026 のような日付はファイルから判断し(13/04/2026 のような行があれば確定)、判断できなければ --date-format が必要です。\n\n上限: 通常のファイルで 256 MB、2,000,000 行、1,000 列、1 セル 32,767 文字まで。日付は 1900-01-01 から 2100-12-31 まで。",
    ),
    "nps.cmd.import_survey": (
        "Survey to import into (created if new).",
        "取り込み先のアンケート(なければ作成)。",
    ),
    "nps.cmd.score_column": (
        "The 0–10 column (default: detected). Header text, or column number counted from 1 (as error messages list them).",
        "0〜10 の列(既定: 自動検出)。 見出し、または 1 から数えた列番号(エラーメッセージに出る番号)。",
    ),
    "nps.cmd.comment_column": (
        "The comment column. Header text, or column number counted from 1 (as error messages list them).",
        "コメント列。 見出し、または 1 から数えた列番号(エラーメッセージに出る番号)。",
    ),
    "nps.cmd.date_column": (
        "The answer date column. Header text, or column number counted from 1 (as error messages list them).",
        "回答日の列。 見出し、または 1 から数えた列番号(エラーメッセージに出る番号)。",
    ),
    "nps.cmd.rejects": (
        "Save rejected rows as CSV.",
        "取り込めなかった行を CSV に保存します。",
    ),
    "nps.cmd.show": (
        'Show NPS with its 95 % interval: every survey, or one with --survey.\n\n--json prints one object (survey, n, promoters, passives, detractors, nps, ci95, ci95_meaningful, rejected) for one survey, a list of them without --survey, and a list with one entry per segment value (key "segment") or period (key "period") with --by. Below 5 answers ci95 is null and ci95_meaningful false.',
        'NPS を 95% 信頼区間つきで表示します: すべてのアンケート、または --survey で 1 つ。\n\n--json では 1 つのアンケートなら 1 つのオブジェクト(survey, n, promoters, passives, detractors, nps, ci95, ci95_meaningful, rejected)、--survey なしならその一覧、--by ではセグメント値(キー "segment")または期間(キー "period")ごとの一覧を出力します。回答が 5 件未満では ci95 は null、ci95_meaningful は false です。',
    ),
    "nps.cmd.show_survey": (
        "Survey name, or a date range 2026-01-01..2026-03-31.",
        "アンケート名、または期間 2026-01-01..2026-03-31。",
    ),
    "nps.cmd.show_by": (
        "One entry per segment value ('segment' or the segment column's header), or per week/month/quarter.",
        "セグメント値ごと('segment' またはセグメント列の見出し)、または週・月・四半期ごとに表示します。",
    ),
    "nps.cmd.compare": (
        "Compare NPS BEFORE and AFTER (survey names or date ranges 2026-01-01..2026-03-31).\n\nSays whether the change is real (p < 0.05 on the adjusted-Wald z-test) or could be noise.\n\n--json prints before, after (as nps show --json), delta, z, p_value, significant, delta_ci95 (the 95 % interval of the change) and delta_ci95_meaningful. Below 5 answers on a side delta_ci95 is null and delta_ci95_meaningful false.",
        "NPS を BEFORE(施策前)と AFTER(施策後)で比較します(アンケート名または期間 2026-01-01..2026-03-31)。\n\n変化が本当か(調整 Wald 法の z 検定で p < 0.05)、誤差の可能性があるかを示します。\n\n--json では before、after(nps show --json と同じ形)、delta、z、p_value、significant、delta_ci95(変化の 95% 区間)、delta_ci95_meaningful を出力します。片方の回答が 5 件未満では delta_ci95 は null、delta_ci95_meaningful は false です。",
    ),
    "nps.cmd.compare_segment": (
        "Compare one segment value only (e.g. one store).",
        "1 つのセグメント値(例: 1 店舗)だけを比較します。",
    ),
    "nps.cmd.template": (
        "Print a light survey template (1-minute right-after, 2-minute next-week) for a form tool.",
        "フォームツール用の軽いアンケートのひな形(直後の 1 分版、翌週の 2 分版)を出力します。",
    ),
    "nps.help.text": (
        "↑ ↓ choose a survey (or every answer) on the left; tab moves between the list, the tabs and the tables. "
        "In Comments and Follow-ups, enter opens the whole comment with its follow-up (owner, status, note).\n\n"
        "NPS = 100·(P − D)/n: P promoters (9–10), D detractors (0–6), n every valid 0–10 answer; "
        "computed from counts, never from rounded percentages.\n"
        "95% interval: adjusted Wald — add ¾ promoter, 1½ passive and ¾ detractor, then "
        "NPS' ± 1.96·√(var/n'), clipped to ±100. Below 5 answers no interval is shown (it would say "
        "more about the adjustment than about the answers); below 30 the interval is wider than ±25 points (⚠).\n"
        "Compare: z-test on the adjusted values, two-sided p; p < 0.05 is called a real change, "
        "otherwise it could be noise.",
        "↑ ↓ 左の一覧でアンケート(またはすべての回答)を選びます。tab で一覧・タブ・表の間を移動します。"
        "コメントとフォローアップでは enter でコメント全文とフォローアップ(担当・状態・メモ)を開きます。\n\n"
        "NPS = 100·(P − D)/n: P は推奨者(9〜10)、D は批判者(0〜6)、n は有効な 0〜10 の回答数。"
        "丸めた割合ではなく件数から計算します。\n"
        "95% 信頼区間: 調整 Wald 法 — 推奨者 ¾、中立者 1½、批判者 ¾ を加えて "
        "NPS' ± 1.96·√(分散/n') を求め、±100 に収めます。回答が 5 件未満では区間を示しません"
        "(回答より補正の影響が大きいため)。30 件未満では区間が ±25 ポイントより広くなります(⚠)。\n"
        "比較: 調整後の値で z 検定(両側 p)。p < 0.05 なら本当の変化、そうでなければ誤差の可能性があります。",
    ),
    "nps.act.create": ("create survey", "アンケートの作成"),
    "nps.act.rename": ("rename survey", "アンケート名の変更"),
    "nps.act.delete": ("delete survey", "アンケートの削除"),
    "nps.act.import": ("import {source}", "{source} の取り込み"),
    "nps.act.manual": ("enter {n} answers", "{n} 件の回答の入力"),
    "nps.act.category": ("set comment category", "コメント分類の変更"),
    "nps.act.followup": ("update follow-up", "フォローアップの更新"),
    "nps.act.demo": ("add the café NPS demo", "カフェの NPS デモの追加"),
    "nps.answers.not_template": (
        "This survey is not one of the light-survey templates (press l to see them). Choose a template survey to see its answers question by question.",
        "このアンケートは軽量アンケートのひな形ではありません(l でひな形を表示)。ひな形のアンケートを選ぶと、設問ごとの回答を表示します。",
    ),
    "nps.answers.question": ("Question", "設問"),
    "nps.answers.answered": ("Answers", "回答数"),
    "nps.answers.result": ("Result", "結果"),
    "nps.answers.yes": ("yes", "はい"),
    "nps.answers.no": ("no", "いいえ"),
    "nps.answers.maybe": ("maybe", "検討"),
    "nps.answers.count": ("{n} responses", "回答 {n} 件"),
    "nps.cat.staff": ("staff / service", "接客・スタッフ"),
    "nps.cat.wait": ("wait / speed", "待ち時間・速さ"),
    "nps.cat.price": ("price", "価格"),
    "nps.cat.product": ("product / taste", "商品・味"),
    "nps.cat.atmosphere": ("atmosphere", "雰囲気・店内"),
    "nps.cat.other": ("other", "その他"),
    "nps.cli.imported": (
        "imported {imported}, blank {blank}, rejected {rejected}",
        "取り込み {imported} 件、空欄 {blank} 件、取り込めず {rejected} 件",
    ),
    "nps.cli.into": (
        'Survey "{survey}" ← {source} ({layout}, {encoding})',
        "アンケート「{survey}」← {source}({layout}、{encoding})",
    ),
    "nps.cli.columns": (
        "  columns: score {score}, comment {comment}, segment {segment}, date {date}",
        "  列: 点数{score}、コメント{comment}、セグメント{segment}、日付{date}",
    ),
    "nps.dialog.key_date_order": ("Date order", "日付の順序"),
    "nps.dialog.key_force_scale": ("Import 1-5 anyway", "1〜5 でも取り込む"),
    "nps.dialog.ask_date_order": (
        "Dates such as 03/04/2026 could be day/month or month/day, and no row settles it: "
        "press ctrl+d to choose (day/month, then month/day)",
        "03/04/2026 のような日付が日/月か月/日か決まりません。ctrl+d で選んでください(日/月 → 月/日)",
    ),
    "nps.dialog.ask_force_scale": (
        "The score column holds only answers from 1 to 5: a satisfaction scale, not the 0-10 NPS "
        "question (its NPS would read -100). Choose the 0-10 column, or press ctrl+f to import it anyway",
        "点数の列の回答は 1〜5 だけです。満足度などの尺度で、0〜10 の NPS の質問ではありません(NPS が -100 になります)。"
        "0〜10 の列を選ぶか、ctrl+f でそのまま取り込んでください",
    ),
    "nps.dialog.date_order_dmy": (" · dates day/month/year", " · 日付は 日/月/年"),
    "nps.dialog.date_order_mdy": (" · dates month/day/year", " · 日付は 月/日/年"),
    "nps.cli.date_order_dmy": (
        "  dates read as day/month/year ({how})",
        "  日付は 日/月/年 として読みました({how})",
    ),
    "nps.cli.date_order_mdy": (
        "  dates read as month/day/year ({how})",
        "  日付は 月/日/年 として読みました({how})",
    ),
    "nps.cli.date_by_file": ("a row of the file settles it", "ファイル内の行から判断"),
    "nps.cli.date_by_option": ("--date-format", "--date-format の指定"),
    "nps.cli.duplicates_skipped": (
        "  {n} answers already in the workspace were not imported again",
        "  ワークスペースにすでにある {n} 件の回答は取り込みませんでした",
    ),
    "nps.cli.reject_line": ("  line {line}: {reason}", "  {line} 行目: {reason}"),
    "nps.cli.rejects_saved": ("Rejected rows saved to {path}", "取り込めなかった行を {path} に保存しました"),
    "nps.cli.no_surveys": (
        "No surveys yet. Import one with: cxtui nps import FILE SOURCE --survey NAME",
        "アンケートはまだありません。取り込むには: cxtui nps import FILE SOURCE --survey NAME",
    ),
    "nps.cli.small_note": (
        "* fewer than 30 answers: the interval is wider than ±25 points",
        "* 回答が 30 件未満: 区間が ±25 ポイントより広くなります",
    ),
    "nps.cli.no_ci": ("— (n<{min})", "— (n<{min})"),
    "nps.cli.no_ci_note": (
        "— (n<{min}): too few answers for a meaningful 95 % interval",
        "— (n<{min}): 回答が少なすぎて 95% 区間に意味がありません",
    ),
    "nps.cli.change": (
        "Change: {delta} points, 95 % interval of the change {lo} to {hi}; z = {z}, {p}",
        "変化: {delta} ポイント(変化の 95% 区間 {lo} 〜 {hi})、z = {z}、{p}",
    ),
    "nps.cli.change_no_ci": (
        "Change: {delta} points, 95 % interval of the change — (n<{min}); z = {z}, {p}",
        "変化: {delta} ポイント(変化の 95% 区間 — (n<{min}))、z = {z}、{p}",
    ),
    "nps.cli.h_survey": ("survey", "アンケート"),
    "nps.cli.h_segment": ("segment", "セグメント"),
    "nps.cli.h_period": ("period", "期間"),
    "nps.cli.h_n": ("n", "回答数"),
    "nps.cli.h_nps": ("NPS", "NPS"),
    "nps.cli.h_ci": ("95 % interval", "95% 区間"),
    "nps.cli.h_promoters": ("promoters", "推奨者"),
    "nps.cli.h_passives": ("passives", "中立者"),
    "nps.cli.h_detractors": ("detractors", "批判者"),
    "nps.cli.h_rejected": ("rejected", "取込不可"),
    "nps.dialog.key_import": ("Import", "取り込む"),
    "nps.dialog.key_pick": ("Choose another file", "別のファイルを選ぶ"),
    "nps.dialog.key_complete": ("Complete the path", "パスを補完"),
    "nps.dialog.key_save_rejects": ("Save rejected rows as CSV", "取り込めなかった行を CSV に保存"),
    "nps.dialog.key_drop_last": ("Take back the last batch", "最後に追加した分を取り消す"),
    "nps.dialog.key_switch_template": ("Other template", "もう一方のひな形"),
    "nps.dialog.key_copy_all": ("Copy all", "すべてコピー"),
    "nps.dialog.import_title": ("Import a survey export", "アンケート結果の取り込み"),
    "nps.dialog.file": ("File", "ファイル"),
    "nps.dialog.pick_hint": (
        "CSV, TSV, TXT or XLSX. Enter opens a folder or reads a file; tab completes the path; ↓ browses.",
        "CSV・TSV・TXT・XLSX。enter でフォルダを開くかファイルを読み込み、tab でパスを補完、↓ で一覧から選べます。",
    ),
    "nps.dialog.import": ("Import", "取り込む"),
    "nps.dialog.other_file": ("Other file", "別のファイル"),
    "nps.dialog.choose_column": ("choose…", "選択…"),
    "nps.dialog.no_column": ("(none)", "(なし)"),
    "nps.dialog.column.score": ("Score column", "点数の列"),
    "nps.dialog.column.comment": ("Comment", "コメント列"),
    "nps.dialog.column.segment": ("Segment", "セグメント"),
    "nps.dialog.column.date": ("Date", "日付の列"),
    "nps.dialog.role.score": ("score", "点数"),
    "nps.dialog.role.comment": ("comment", "コメント"),
    "nps.dialog.role.segment": ("segment", "セグメント"),
    "nps.dialog.role.date": ("date", "日付"),
    "nps.dialog.file_info": (
        "{name}: {layout}, {encoding}, {rows} data rows",
        "{name}: {layout}、{encoding}、データ {rows} 行",
    ),
    "nps.dialog.file_only": ("{name}", "{name}"),
    "nps.dialog.would_import": (
        "Would import {accepted} answers · {blank} blank (skipped) · {rejected} rejected",
        "取り込み予定 {accepted} 件 · 空欄(スキップ){blank} 件 · 取り込めない行 {rejected} 件",
    ),
    "nps.dialog.reject_line": ("line {line}: {reason}", "{line} 行目: {reason}"),
    "nps.dialog.more_rejects": (
        "…and {n} more (all are listed after the import and can be saved as CSV)",
        "…ほか {n} 件(取り込み後にすべて表示され、CSV に保存できます)",
    ),
    "nps.dialog.name_exists": (
        "“{name}” exists: the answers will be added to it (the same file is never imported twice).",
        "「{name}」はすでにあります。回答はそこに追加されます(同じファイルが二重に取り込まれることはありません)。",
    ),
    "nps.dialog.reading": ("Reading {name}…", "{name} を読み込んでいます…"),
    "nps.dialog.still_reading": (
        "Still reading the file: a moment, please.",
        "ファイルを読み込み中です。少しお待ちください。",
    ),
    "nps.dialog.no_file": ("Choose a file first.", "先にファイルを選んでください。"),
    "nps.dialog.choose_score": (
        "No 0–10 score column was found: choose the score column below.",
        "0〜10 の点数の列が見つかりません。下で点数の列を選んでください。",
    ),
    "nps.dialog.unreadable": ("Cannot read {name}: {reason}", "{name} を読み込めません: {reason}"),
    "nps.dialog.enc.utf-8": ("UTF-8", "UTF-8"),
    "nps.dialog.enc.utf-8-sig": ("UTF-8 with BOM", "UTF-8(BOM 付き)"),
    "nps.dialog.enc.cp932": ("CP932 (Japanese Excel)", "CP932(日本語版 Excel)"),
    "nps.dialog.enc.utf-16": ("UTF-16 (Excel Unicode text)", "UTF-16(Excel の Unicode テキスト)"),
    "nps.dialog.enc.xlsx": ("Excel workbook", "Excel ブック"),
    "nps.dialog.result_title": ("Imported into “{survey}”", "「{survey}」に取り込みました"),
    "nps.dialog.result_source": ("{source} ({layout}, {encoding})", "{source}({layout}、{encoding})"),
    "nps.dialog.result_dates_dmy": (
        "Dates read as day/month/year ({how})",
        "日付は 日/月/年 として読みました({how})",
    ),
    "nps.dialog.result_dates_mdy": (
        "Dates read as month/day/year ({how})",
        "日付は 月/日/年 として読みました({how})",
    ),
    "nps.dialog.date_by_file": ("a row of the file settles it", "ファイル内の行から判断"),
    "nps.dialog.date_by_option": ("chosen with ctrl+d", "ctrl+d で選択"),
    "nps.dialog.result_duplicates": (
        "{n} answers already in the workspace were not imported again",
        "ワークスペースにすでにある {n} 件の回答は取り込みませんでした",
    ),
    "nps.dialog.result_counts": (
        "Imported {imported} · blank (skipped) {blank} · rejected {rejected}",
        "取り込み {imported} 件 · 空欄(スキップ){blank} 件 · 取り込めず {rejected} 件",
    ),
    "nps.dialog.rejects_file": ("Save rejects to", "保存先"),
    "nps.dialog.save_rejects": ("Save rejects as CSV", "取り込めなかった行を CSV に保存"),
    "nps.dialog.col_line": ("Line", "行"),
    "nps.dialog.col_reason": ("Reason", "理由"),
    "nps.dialog.need_path": ("type a file path", "ファイルのパスを入力してください"),
    "nps.dialog.file_exists": (
        "{path} exists: press ctrl+s again to replace it.",
        "{path} はすでにあります。置き換えるにはもう一度 ctrl+s を押してください。",
    ),
    "nps.dialog.rejects_saved": (
        "Saved {n} rejected rows to {path}",
        "取り込めなかった {n} 行を {path} に保存しました",
    ),
    "nps.dialog.quick_title": ("Quick entry (paper forms)", "手入力(紙のアンケート)"),
    "nps.dialog.survey_name": ("Survey", "アンケート名"),
    "nps.dialog.segment": ("Segment", "セグメント"),
    "nps.dialog.optional": ("optional, e.g. a store", "任意(例: 店舗名)"),
    "nps.dialog.date": ("Date", "日付"),
    "nps.dialog.scores": ("Scores", "点数"),
    "nps.dialog.quick_hint": (
        "Scores 0–10 separated by spaces; enter adds them to the list. A comment goes after its score: “9 7 3 slow service”.",
        "0〜10 の点数をスペース区切りで入力し、enter で一覧に追加。コメントは点数の後に:「9 7 3 待ち時間が長い」。",
    ),
    "nps.dialog.count": (
        "{scores}: {promoters}, {passives}, {detractors}",
        "{scores}: {promoters}・{passives}・{detractors}",
    ),
    "nps.dialog.n_scores.one": ("1 score", "1 件"),
    "nps.dialog.n_scores.other": ("{n} scores", "{n} 件"),
    "nps.dialog.n_promoters.one": ("1 promoter", "推奨者 1"),
    "nps.dialog.n_promoters.other": ("{n} promoters", "推奨者 {n}"),
    "nps.dialog.n_passives.one": ("1 passive", "中立者 1"),
    "nps.dialog.n_passives.other": ("{n} passives", "中立者 {n}"),
    "nps.dialog.n_detractors.one": ("1 detractor", "批判者 1"),
    "nps.dialog.n_detractors.other": ("{n} detractors", "批判者 {n}"),
    "nps.dialog.comment_title": ("Comment", "コメント"),
    "nps.dialog.with_comment": ("comment: {comment}", "コメント: {comment}"),
    "nps.dialog.with_comment_last": (
        "comment with the last score ({score}): {comment}",
        "コメントは最後の点数 ({score}) に付きます: {comment}",
    ),
    "nps.dialog.bad_token.one": ("{tokens} is not a score 0–10", "{tokens} は 0〜10 の点数ではありません"),
    "nps.dialog.bad_token.other": ("{tokens} are not scores 0–10", "{tokens} は 0〜10 の点数ではありません"),
    "nps.dialog.list_empty": (
        "Nothing in the list yet. ctrl+s saves the list; ctrl+r takes back the last batch.",
        "一覧はまだ空です。ctrl+s で一覧を保存、ctrl+r で最後に追加した分を取り消します。",
    ),
    "nps.dialog.list_total": (
        "In the list: {count} · ctrl+r takes back the last batch",
        "一覧: {count} · ctrl+r で最後に追加した分を取り消し",
    ),
    "nps.dialog.no_scores": (
        "Scores: type at least one score from 0 to 10",
        "点数: 0〜10 の点数を1つ以上入力してください",
    ),
    "nps.dialog.need_name": ("enter a name", "名前を入力してください"),
    "nps.dialog.col_number": ("#", "#"),
    "nps.dialog.col_score": ("Score", "点数"),
    "nps.dialog.col_comment": ("Comment", "コメント"),
    "nps.dialog.col_segment": ("Segment", "セグメント"),
    "nps.dialog.col_date": ("Date", "日付"),
    "nps.dialog.followup_title": ("Detractor follow-up", "批判者へのフォローアップ"),
    "nps.dialog.group.promoter": ("promoter", "推奨者"),
    "nps.dialog.group.passive": ("passive", "中立者"),
    "nps.dialog.group.detractor": ("detractor", "批判者"),
    "nps.dialog.owner": ("Owner", "担当者"),
    "nps.dialog.status": ("Status", "状態"),
    "nps.dialog.note": ("Note", "メモ"),
    "nps.dialog.compare_title": ("Compare before and after", "施策前と施策後を比較"),
    "nps.dialog.compare_hint": (
        "Each side is a survey, or a date range typed as 2026-01-01..2026-03-31 (a range wins over the survey).",
        "それぞれアンケートを選ぶか、期間を 2026-01-01..2026-03-31 の形で入力します(期間が優先されます)。",
    ),
    "nps.dialog.before": ("Before", "施策前"),
    "nps.dialog.after": ("After", "施策後"),
    "nps.dialog.or_range": ("  or range", "  または期間"),
    "nps.dialog.pick_survey": ("choose a survey…", "アンケートを選択…"),
    "nps.dialog.all_segments": ("all segments", "すべてのセグメント"),
    "nps.dialog.need_side": (
        "choose a survey or type a date range",
        "アンケートを選ぶか期間を入力してください",
    ),
    "nps.dialog.same_sides": (
        "Before and after are the same: choose two different sides",
        "施策前と施策後が同じです。別のものを選んでください",
    ),
    "nps.dialog.templates_title": ("Light survey templates", "軽量アンケートのひな形"),
    "nps.dialog.switch_template": ("Other template", "もう一方"),
    "nps.dialog.copy_all": ("Copy all", "すべてコピー"),
    "nps.dialog.copied": ("Copied “{title}” to the clipboard", "「{title}」をクリップボードにコピーしました"),
    "nps.dialog.tpl_copy_hint": (
        "c copies it all; or select with shift+arrows (f7 selects all) and copy with ctrl+c.",
        "c で全体をコピー。shift+矢印で選択(f7 ですべて選択)し ctrl+c でもコピーできます。",
    ),
    "nps.dialog.tpl_import_hint": (
        "Import the form tool's export with i on the NPS screen: these questions are recognised.",
        "フォームの書き出しを NPS 画面の i で取り込むと、これらの設問は自動で認識されます。",
    ),
    "nps.dialog.compare": ("Compare", "比較する"),
    "nps.dialog.finish": ("Save all", "すべて保存"),
    "nps.grain.week": ("by week", "週ごと"),
    "nps.grain.month": ("by month", "月ごと"),
    "nps.grain.quarter": ("by quarter", "四半期ごと"),
    "nps.group.promoter": ("promoters", "推奨者"),
    "nps.group.passive": ("passives", "中立者"),
    "nps.group.detractor": ("detractors", "批判者"),
    "nps.import.empty": (
        "{path} is empty: there is nothing to import",
        "{path} は空のファイルです。取り込むものがありません",
    ),
    "nps.import.bad_csv": (
        "{path} cannot be read as CSV: {reason}",
        "{path} を CSV として読み込めません: {reason}",
    ),
    "nps.import.no_header": ("{path} has no header row", "{path} に見出し行がありません"),
    "nps.import.no_score_column": (
        "No 0-10 score column found in {path}; name it with --score-column (columns: {columns})",
        "{path} に 0〜10 の点数の列が見つかりません。--score-column で列を指定してください(列: {columns})",
    ),
    "nps.import.column_not_found": (
        "{path} has no column {column} (columns: {columns})",
        "{path} に列 {column} はありません(列: {columns})",
    ),
    "nps.import.column_n": ("Column {n}", "列{n}"),
    "nps.import.score_not_number": (
        'score "{value}" is not a number from 0 to 10',
        "点数「{value}」が 0〜10 の数字ではありません",
    ),
    "nps.import.score_out_of_range": (
        'score "{value}" is outside 0-10',
        "点数「{value}」が 0〜10 の範囲外です",
    ),
    "nps.import.score_not_whole": (
        'score "{value}" is not a whole number',
        "点数「{value}」が整数ではありません",
    ),
    "nps.import.bad_date": (
        'date "{value}" is not a date that can be read',
        "日付「{value}」を日付として読み取れません",
    ),
    "nps.import.score_too_long": (
        'score "{value}" is longer than 64 characters (the limit): not a score',
        "点数「{value}」が上限の 64 文字を超えています。点数ではありません",
    ),
    "nps.import.date_out_of_range": (
        'date "{value}" is outside {first} to {last} (the dates cxtui accepts)',
        "日付「{value}」が受け付ける範囲({first}〜{last})の外です",
    ),
    "nps.import.bad_date_format": (
        '--date-format "{value}" must be dmy (day/month/year) or mdy (month/day/year)',
        "--date-format「{value}」は dmy(日/月/年)か mdy(月/日/年)にしてください",
    ),
    "nps.import.ambiguous_dates": (
        "{path}: dates such as 03/04/2026 could be day/month or month/day and no row settles it: "
        "give --date-format dmy or mdy",
        "{path}: 03/04/2026 のような日付が日/月か月/日か、どの行からも決まりません。"
        "--date-format dmy か mdy を指定してください",
    ),
    "nps.import.small_scale": (
        'Column "{column}" of {path} holds only answers from 1 to 5: a satisfaction scale, not the '
        "0-10 NPS question (its NPS would read -100). Choose the 0-10 column, or add --force-scale",
        "{path} の列「{column}」の回答は 1〜5 だけです。満足度などの尺度で、0〜10 の NPS の質問ではありません"
        "(NPS が -100 になります)。0〜10 の列を選ぶか、--force-scale を付けてください",
    ),
    "nps.import.more_columns": (", … and {n} more", "、ほか {n} 列"),
    "nps.import.layout.google_forms": ("Google Forms", "Google フォーム"),
    "nps.import.layout.microsoft_forms": ("Microsoft Forms", "Microsoft Forms"),
    "nps.import.layout.surveymonkey": ("SurveyMonkey", "SurveyMonkey"),
    "nps.import.layout.typeform": ("Typeform", "Typeform"),
    "nps.import.layout.qualtrics": ("Qualtrics", "Qualtrics"),
    "nps.import.layout.plain": ("Plain table (date, score, comment)", "シンプルな表(日付・点数・コメント)"),
    "nps.key.import": ("Import", "取り込み"),
    "nps.key.quick": ("Quick entry", "手入力"),
    "nps.key.compare": ("Compare", "比較"),
    "nps.key.grain": ("Week/month/quarter", "週/月/四半期"),
    "nps.key.search": ("Search", "検索"),
    "nps.key.templates": ("Survey templates", "アンケートのひな形"),
    "nps.key.delete_survey": ("Delete survey", "アンケートを削除"),
    "nps.key.tab_overview": ("Show the Overview tab", "概要タブを表示"),
    "nps.key.tab_trend": ("Show the Trend tab", "推移タブを表示"),
    "nps.key.tab_segments": ("Show the Segments tab", "セグメントタブを表示"),
    "nps.key.tab_compare": ("Show the Compare tab", "比較タブを表示"),
    "nps.key.tab_comments": ("Show the Comments tab", "コメントタブを表示"),
    "nps.key.tab_followups": ("Show the Follow-up tab", "フォローアップタブを表示"),
    "nps.key.tab_answers": ("Show the Answers tab", "設問別タブを表示"),
    "nps.repo.none": ("none yet", "まだありません"),
    "nps.repo.absent": ("none", "なし"),
    "nps.repo.survey_missing": (
        'No survey named "{name}" (surveys: {known})',
        "「{name}」という名前のアンケートはありません(アンケート: {known})",
    ),
    "nps.repo.survey_ambiguous": (
        '"{name}" matches several surveys that differ only in case: {names} (write the name exactly)',
        "「{name}」は大文字と小文字だけが違う複数のアンケートに当てはまります: {names}(名前を正確に指定してください)",
    ),
    "nps.repo.compare_same": (
        'Before and after are both "{name}": compare two different surveys or date ranges',
        "比較前と比較後がどちらも「{name}」です。別のアンケートか期間を指定してください",
    ),
    "nps.repo.segment_missing": (
        'Neither side has answers in segment "{segment}" (segments: {choices})',
        "どちらにもセグメント「{segment}」の回答はありません(セグメント: {choices})",
    ),
    "nps.repo.bad_range": (
        '"{text}" is not a date range: write it as 2026-01-01..2026-03-31',
        "「{text}」は期間として読めません。2026-01-01..2026-03-31 の形で指定してください",
    ),
    "nps.repo.range_backwards": (
        "The date range {text} ends before it starts",
        "期間 {text} は終わりが始まりより前です",
    ),
    "nps.repo.range_needs_dates": (
        "A date-range survey needs a start and an end date",
        "期間アンケートには開始日と終了日が必要です",
    ),
    "nps.repo.bad_grain": (
        '"{grain}" is not a trend period (use one of: {choices})',
        "「{grain}」は推移の単位として使えません({choices} のいずれか)",
    ),
    "nps.repo.bad_status": (
        '"{status}" is not a follow-up status (use one of: {choices})',
        "「{status}」はフォローアップの状態として使えません({choices} のいずれか)",
    ),
    "nps.repo.bad_kind": (
        '"{kind}" is not a survey kind (use one of: {choices})',
        "「{kind}」はアンケートの種類として使えません({choices} のいずれか)",
    ),
    "nps.repo.bad_template": (
        '"{key}" is not a survey template (use one of: {choices})',
        "「{key}」というテンプレートはありません({choices} のいずれか)",
    ),
    "nps.repo.bad_category": (
        '"{category}" is not a comment category (use one of: {choices})',
        "「{category}」はコメントの分類として使えません({choices} のいずれか)",
    ),
    "nps.repo.name_empty": ("A survey needs a name", "アンケート名を入力してください"),
    "nps.repo.name_taken": (
        'There is already a survey named "{name}"',
        "「{name}」という名前のアンケートはすでにあります",
    ),
    "nps.repo.import_into_range": (
        '"{name}" is a date range over every survey: it has no answers of its own to add to',
        "「{name}」は全アンケートを期間で集計するもので、回答を追加できません",
    ),
    "nps.repo.already_imported": (
        '{source} was already imported into "{survey}" on {when} (as {first}): nothing was changed',
        "{source} は {when} に「{survey}」へ取り込み済みです({first} として)。何も変更していません",
    ),
    "nps.repo.duplicate_answers": (
        '{source}: answers already in the workspace (line {line} is in survey "{survey}", same time, '
        "score and comment); importing them again would count them twice: nothing was changed. "
        "--skip-duplicates imports only the new answers",
        "{source}: すでにワークスペースにある回答が含まれています({line} 行目はアンケート「{survey}」に"
        "同じ日時・点数・コメントであります)。もう一度取り込むと二重に数えるため、何も変更していません。"
        "新しい回答だけを取り込むには --skip-duplicates を付けてください",
    ),
    "nps.repo.duplicate_dated": (
        "{source}: its answers with a date but no time repeat an earlier import as a whole (line {line} "
        'is in survey "{survey}", same day, score and comment); importing them again would count them '
        "twice: nothing was changed. --skip-duplicates imports only the new answers",
        "{source}: 時刻のない(日付だけの)回答が、以前の取り込みとまるごと同じです({line} 行目はアンケート"
        "「{survey}」に同じ日付・点数・コメントであります)。もう一度取り込むと二重に数えるため、"
        "何も変更していません。新しい回答だけを取り込むには --skip-duplicates を付けてください",
    ),
    "nps.repo.quick_bad_score": (
        '"{token}" is not a score from 0 to 10',
        "「{token}」は 0〜10 の点数ではありません",
    ),
    "nps.repo.manual_bad_score": (
        "Answer {index}: {score} is not a score from 0 to 10",
        "{index} 件目: {score} は 0〜10 の点数ではありません",
    ),
    "nps.repo.response_missing": ("No answer with id {id}", "ID {id} の回答はありません"),
    "nps.repo.source_missing": (
        "Survey export not found: {path}",
        "アンケートの書き出しファイルが見つかりません: {path}",
    ),
    "nps.repo.bad_by": (
        'Cannot group by "{by}" (use one of: {choices})',
        "「{by}」ではまとめられません({choices} のいずれか)",
    ),
    "nps.repo.tpl_free_text": ("(free text)", "(自由記述)"),
    "nps.repo.quoted": ('"{value}"', "「{value}」"),
    "nps.repo.before": ("before", "施策前"),
    "nps.repo.after": ("after", "施策後"),
    "nps.repo.no_segment": ("(no segment)", "(セグメントなし)"),
    "nps.screen.surveys": ("Surveys", "アンケート"),
    "nps.screen.subtitle": ("NPS", "NPS"),
    "nps.screen.all_responses": ("All responses", "すべての回答"),
    "nps.screen.distribution": ("Answers 0–10", "回答の分布(0〜10)"),
    "nps.screen.trend_title": (
        "NPS {grain} with its 95% interval (g changes)",
        "NPS の推移({grain}、95%区間つき。g で切替)",
    ),
    "nps.screen.compare_hint": (
        "Press x to choose “before” and “after” (two surveys or two date ranges, e.g. around the start of an improvement) and see whether the change is real.",
        "x を押して「施策前」と「施策後」(2つのアンケート、または改善開始前後の2つの期間)を選ぶと、変化が本物かどうかを確かめられます。",
    ),
    "nps.screen.search": ("Search comments…", "コメントを検索…"),
    "nps.screen.all_categories": ("All categories", "すべての分類"),
    "nps.screen.all_statuses": ("All statuses", "すべての状態"),
    "nps.screen.uncategorised": ("uncategorised", "未分類"),
    "nps.screen.comment_count": (
        "{shown} of {n} comments (enter: the whole comment)",
        "コメント {n} 件中 {shown} 件を表示(enter: コメント全文)",
    ),
    "nps.screen.followup_count": (
        "{n} detractors with comments, {open} still open (enter: owner, status, note)",
        "コメントのある批判者 {n} 件、未対応 {open} 件(enter で担当・状態・メモ)",
    ),
    "nps.screen.quick_default": ("Paper forms", "紙のアンケート"),
    "nps.screen.duplicates_title": ("Answers already imported", "取り込み済みの回答"),
    "nps.screen.duplicates_ask": (
        'Some answers of {source} are already in the workspace (line {line} is in survey "{survey}"): '
        "importing them again would count them twice, so nothing was imported. "
        "Import only the new answers?",
        "{source} には、すでにワークスペースにある回答が含まれています({line} 行目はアンケート"
        "「{survey}」にあります)。二重に数えないよう、まだ何も取り込んでいません。新しい回答だけを取り込みますか?",
    ),
    "nps.screen.import_new_only": ("Import only the new answers", "新しい回答だけ取り込む"),
    "nps.screen.quick_saved": ("Added {n} answers to {survey}.", "{survey} に {n} 件の回答を追加しました。"),
    "nps.screen.delete_survey": (
        "Delete the survey “{name}” and its {n} answers? ctrl+z undoes it.",
        "アンケート「{name}」と回答 {n} 件を削除しますか? ctrl+z で元に戻せます。",
    ),
    "nps.status.open": ("open", "未対応"),
    "nps.status.contacted": ("contacted", "連絡済み"),
    "nps.status.resolved": ("resolved", "解決済み"),
    "nps.tab.answers": ("Answers", "設問別"),
    "nps.tab.overview": ("Overview", "概要"),
    "nps.tab.trend": ("Trend", "推移"),
    "nps.tab.segments": ("Segments", "セグメント"),
    "nps.tab.compare": ("Compare", "比較"),
    "nps.tab.comments": ("Comments", "コメント"),
    "nps.tab.followups": ("Follow-up", "フォローアップ"),
    "nps.ui.nps": ("NPS", "NPS"),
    "nps.ui.ci": ("95% CI {lo} … {hi}", "95% 信頼区間 {lo} … {hi}"),
    "nps.ui.n": ("n = {n}", "回答数 n = {n}"),
    "nps.ui.ci_none": (
        "95% CI: not meaningful below {min} answers",
        "95% 信頼区間: 回答 {min} 件未満では意味がありません",
    ),
    "nps.ui.ci_short_none": ("no CI (n<{min})", "区間なし (n<{min})"),
    "nps.ui.rejected": ("{n} rows could not be read at import", "取り込めなかった行 {n} 件"),
    "nps.ui.formula": (
        "NPS = 100·(P − D)/n = 100·({p} − {d})/{n} = {value}",
        "NPS = 100·(P − D)/n = 100·({p} − {d})/{n} = {value}",
    ),
    "nps.ui.formula_empty": ("NPS = 100·(P − D)/n", "NPS = 100·(P − D)/n"),
    "nps.ui.no_answers": ("No answers yet.", "まだ回答がありません。"),
    "nps.ui.small": (
        "n = {n}: the interval is ±{half} points wide — too few answers to conclude.",
        "n = {n}: 区間の幅が ±{half} ポイントあり、結論を出すには回答が少なすぎます。",
    ),
    "nps.ui.promoters": ("Promoters", "推奨者"),
    "nps.ui.passives": ("Passives", "中立者"),
    "nps.ui.detractors": ("Detractors", "批判者"),
    "nps.ui.trend_legend": (
        "── NPS   •• 95% interval (low and high)",
        "── NPS   •• 95% 信頼区間(下限と上限)",
    ),
    "nps.ui.trend_gaps": ("Periods without answers are left as gaps.", "回答のない期間は空白のままです。"),
    "nps.ui.trend_empty": (
        "No dated answers yet: a trend needs answers with a date.",
        "日付のある回答がまだありません。推移には日付付きの回答が必要です。",
    ),
    "nps.ui.trend_one": (
        "Only one period has answers ({period}: NPS {nps}, {ci}, n = {n}); a trend needs at least two.",
        "回答のある期間は 1 つだけです({period}: NPS {nps}、{ci}、n = {n})。推移には 2 期間以上が必要です。",
    ),
    "nps.ui.side": ("{side}: {label}", "{side}: {label}"),
    "nps.ui.side_figures": (
        "NPS {nps}  ·  {ci}  ·  n = {n}",
        "NPS {nps}  ·  {ci}  ·  n = {n}",
    ),
    "nps.ui.side_empty": ("no answers", "回答なし"),
    "nps.ui.delta": (
        "Δ {delta} points  ·  95% CI of the change {lo} … {hi}",
        "Δ {delta} ポイント  ·  変化の 95% 信頼区間 {lo} … {hi}",
    ),
    "nps.ui.delta_no_ci": (
        "Δ {delta} points  ·  95% CI of the change: not meaningful below {min} answers a side",
        "Δ {delta} ポイント  ·  変化の 95% 信頼区間: 片方の回答が {min} 件未満では意味がありません",
    ),
    "nps.ui.delta_empty": ("Δ —", "Δ —"),
    "nps.ui.test": ("z = {z}  ·  {p}", "z = {z}  ·  {p}"),
    "nps.ui.col_segment": ("Segment", "セグメント"),
    "nps.ui.col_n": ("n", "回答数"),
    "nps.ui.col_nps": ("NPS", "NPS"),
    "nps.ui.col_ci": ("95% CI", "95% 信頼区間"),
    "nps.ui.col_promoters": ("P %", "推奨 %"),
    "nps.ui.col_passives": ("Pa %", "中立 %"),
    "nps.ui.col_detractors": ("D %", "批判 %"),
    "nps.ui.col_flag": ("Sample", "サンプル"),
    "nps.ui.col_score": ("Score", "点数"),
    "nps.ui.col_category": ("Category", "分類"),
    "nps.ui.col_date": ("Date", "日付"),
    "nps.ui.col_comment": ("Comment", "コメント"),
    "nps.ui.col_owner": ("Owner", "担当"),
    "nps.ui.col_status": ("Status", "状態"),
    "nps.ui.col_note": ("Note", "メモ"),
    "nps.ui.small_flag": ("⚠ n<30", "⚠ n<30"),
    "nps.ui.no_segment": ("(no segment)", "(セグメントなし)"),
    "nps.verdict.empty": (
        "Nothing to compare: one side has no answers.",
        "比較できません: 片方に回答がありません。",
    ),
    "nps.verdict.small": (
        "Small sample (n = {n}): the interval is wider than ±25 points, so treat this as a first look.",
        "サンプルが少数です(n = {n})。区間が ±25 ポイントより広いため、参考程度に見てください。",
    ),
    "nps.verdict.up": (
        "A real improvement: {delta} points ({p}).",
        "本当の改善です: {delta} ポイント({p})。",
    ),
    "nps.verdict.down": ("A real decline: {delta} points ({p}).", "本当の悪化です: {delta} ポイント({p})。"),
    "nps.verdict.same": ("No change: {delta} points ({p}).", "変化はありません: {delta} ポイント({p})。"),
    "nps.verdict.noise": (
        "Could be noise: {delta} points ({p}); collect about {more} more answers on each side to tell.",
        "誤差の可能性があります: {delta} ポイント({p})。判断するには各期間であと約 {more} 件の回答を集めてください。",
    ),
    "nps.domain.name": ("NPS", "NPS"),
    "nps.domain.surveys": ("surveys", "アンケート"),
    "nps.domain.imports": ("imported files", "取り込んだファイル"),
    "nps.domain.responses": ("answers", "回答"),
    "nps.domain.followups": ("follow-ups", "フォローアップ"),
    "nps.cmd.segment_column": (
        "The segment column (store, channel...). Header text, or column number counted from 1 (as error messages list them).",
        "セグメント列(店舗・チャネルなど)。 見出し、または 1 から数えた列番号(エラーメッセージに出る番号)。",
    ),
    "nps.cmd.date_format": (
        "How to read dates such as 03/04/2026 when no row of the file settles it (dmy or mdy).",
        "03/04/2026 のような日付の読み方(dmy または mdy)。ファイルのどの行でも判断できないときに指定します。",
    ),
    "nps.cmd.force_scale": (
        "Import a score column whose answers are all 1-5.",
        "回答がすべて 1〜5 の点数列でも取り込みます。",
    ),
    "nps.cmd.skip_duplicates": (
        "Import only answers not already in the workspace.",
        "ワークスペースにまだない回答だけを取り込みます。",
    ),
}


# Keys the code builds at run time: family prefix -> the names it adds (tests check each exists).
FAMILIES: dict[str, tuple[str, ...]] = {
    "nps.cli.date_order_": ("dmy", "mdy"),
    "nps.dialog.date_order_": ("dmy", "mdy"),
    "nps.cli.date_by_": ("file", "option"),
    "nps.dialog.result_dates_": ("dmy", "mdy"),
    "nps.dialog.date_by_": ("file", "option"),
    "nps.cat.": (
        "staff",
        "wait",
        "price",
        "product",
        "atmosphere",
        "other",
    ),
    "nps.status.": (
        "open",
        "contacted",
        "resolved",
    ),
    "nps.dialog.column.": (
        "score",
        "comment",
        "segment",
        "date",
    ),
    "nps.dialog.enc.": (
        "utf-8",
        "utf-8-sig",
        "cp932",
        "utf-16",
        "xlsx",
    ),
    "nps.dialog.group.": (
        "promoter",
        "passive",
        "detractor",
    ),
    "nps.dialog.role.": (
        "score",
        "comment",
        "segment",
        "date",
    ),
    "nps.grain.": (
        "week",
        "month",
        "quarter",
    ),
    "nps.import.layout.": (
        "google_forms",
        "microsoft_forms",
        "surveymonkey",
        "typeform",
        "qualtrics",
        "plain",
    ),
    "nps.ui.col_": (
        "segment",
        "n",
        "nps",
        "ci",
        "promoters",
        "passives",
        "detractors",
        "flag",
        "score",
        "category",
        "date",
        "comment",
        "owner",
        "status",
        "note",
    ),
}
