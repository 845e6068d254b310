"""NPS: surveys, imports, summaries, comparisons, comments, follow-ups, templates, CLI output."""

STRINGS: dict[str, tuple[str, str]] = {
    # -- undoable actions
    "nps.act_create": ("create survey", "アンケートの作成"),
    "nps.act_rename": ("rename survey", "アンケート名の変更"),
    "nps.act_delete": ("delete survey", "アンケートの削除"),
    "nps.act_import": ("import {source}", "{source} の取り込み"),
    "nps.act_manual": ("enter {n} answers", "{n} 件の回答の入力"),
    "nps.act_category": ("set comment category", "コメント分類の変更"),
    "nps.act_followup": ("update follow-up", "フォローアップの更新"),
    "nps.act_demo": ("add the café NPS demo", "カフェの NPS デモの追加"),
    # -- errors
    "nps.none": ("none yet", "まだありません"),
    "nps.absent": ("none", "なし"),
    "nps.survey_missing": (
        'No survey named "{name}" (surveys: {known})',
        "「{name}」という名前のアンケートはありません(アンケート: {known})",
    ),
    "nps.bad_range": (
        '"{text}" is not a date range: write it as 2026-01-01..2026-03-31',
        "「{text}」は期間として読めません。2026-01-01..2026-03-31 の形で指定してください",
    ),
    "nps.range_backwards": (
        "The date range {text} ends before it starts",
        "期間 {text} は終わりが始まりより前です",
    ),
    "nps.range_needs_dates": (
        "A date-range survey needs a start and an end date",
        "期間アンケートには開始日と終了日が必要です",
    ),
    "nps.bad_grain": (
        '"{grain}" is not a trend period (use one of: {choices})',
        "「{grain}」は推移の単位として使えません({choices} のいずれか)",
    ),
    "nps.bad_status": (
        '"{status}" is not a follow-up status (use one of: {choices})',
        "「{status}」はフォローアップの状態として使えません({choices} のいずれか)",
    ),
    "nps.bad_kind": (
        '"{kind}" is not a survey kind (use one of: {choices})',
        "「{kind}」はアンケートの種類として使えません({choices} のいずれか)",
    ),
    "nps.bad_template": (
        '"{key}" is not a survey template (use one of: {choices})',
        "「{key}」というテンプレートはありません({choices} のいずれか)",
    ),
    "nps.bad_category": (
        '"{category}" is not a comment category (use one of: {choices})',
        "「{category}」はコメントの分類として使えません({choices} のいずれか)",
    ),
    "nps.name_empty": ("A survey needs a name", "アンケート名を入力してください"),
    "nps.name_taken": (
        'There is already a survey named "{name}"',
        "「{name}」という名前のアンケートはすでにあります",
    ),
    "nps.import_into_range": (
        '"{name}" is a date range over every survey: it has no answers of its own to add to',
        "「{name}」は全アンケートを期間で集計するもので、回答を追加できません",
    ),
    "nps.already_imported": (
        '{source} was already imported into "{survey}" on {when} (as {first}): nothing was changed',
        "{source} は {when} に「{survey}」へ取り込み済みです({first} として)。何も変更していません",
    ),
    "nps.rejects_unwritable": (
        "Cannot write the rejected rows to {path}: {reason}",
        "取り込めなかった行を {path} に保存できません: {reason}",
    ),
    "nps.quick_bad_score": (
        '"{token}" is not a score from 0 to 10',
        "「{token}」は 0〜10 の点数ではありません",
    ),
    "nps.manual_bad_score": (
        "Answer {index}: {score} is not a score from 0 to 10",
        "{index} 件目: {score} は 0〜10 の点数ではありません",
    ),
    "nps.response_missing": ("No answer with id {id}", "ID {id} の回答はありません"),
    "nps.source_missing": (
        "Survey export not found: {path}",
        "アンケートの書き出しファイルが見つかりません: {path}",
    ),
    "nps.bad_by": (
        'Cannot group by "{by}" (use one of: {choices})',
        "「{by}」ではまとめられません({choices} のいずれか)",
    ),
    # -- rejects CSV columns
    "nps.col_line": ("line", "行"),
    "nps.col_reason": ("reason", "理由"),
    "nps.col_row": ("row", "行の内容"),
    # -- verdicts
    "nps.verdict_empty": (
        "Nothing to compare: one side has no answers.",
        "比較できません: 片方に回答がありません。",
    ),
    "nps.verdict_small": (
        "Small sample (n = {n}): the interval is wider than ±25 points, so treat this as a first look.",
        "サンプルが少数です(n = {n})。区間が ±25 ポイントより広いため、参考程度に見てください。",
    ),
    "nps.verdict_up": (
        "A real improvement: {delta} points ({p}).",
        "本当の改善です: {delta} ポイント({p})。",
    ),
    "nps.verdict_down": ("A real decline: {delta} points ({p}).", "本当の悪化です: {delta} ポイント({p})。"),
    "nps.verdict_same": ("No change: {delta} points ({p}).", "変化はありません: {delta} ポイント({p})。"),
    "nps.verdict_noise": (
        "Could be noise: {delta} points ({p}); collect about {more} more answers on each side to tell.",
        "誤差の可能性があります: {delta} ポイント({p})。判断するには各期間であと約 {more} 件の回答を集めてください。",
    ),
    # -- categories and follow-up states
    "nps.cat.staff": ("staff / service", "接客・スタッフ"),
    "nps.cat.wait": ("wait / speed", "待ち時間・速さ"),
    "nps.cat.price": ("price", "価格"),
    "nps.cat.product": ("product / taste", "商品・味"),
    "nps.cat.atmosphere": ("atmosphere", "雰囲気・店内"),
    "nps.cat.other": ("other", "その他"),
    "nps.status.open": ("open", "未対応"),
    "nps.status.contacted": ("contacted", "連絡済み"),
    "nps.status.resolved": ("resolved", "解決済み"),
    "nps.group.promoter": ("promoters", "推奨者"),
    "nps.group.passive": ("passives", "中立者"),
    "nps.group.detractor": ("detractors", "批判者"),
    # -- templates
    "nps.tpl_free_text": ("(free text)", "(自由記述)"),
    # -- CLI output
    "nps.cli_imported": (
        "imported {imported}, blank {blank}, rejected {rejected}",
        "取り込み {imported} 件、空欄 {blank} 件、取り込めず {rejected} 件",
    ),
    "nps.cli_into": (
        'Survey "{survey}" ← {source} ({layout}, {encoding})',
        "アンケート「{survey}」← {source}({layout}、{encoding})",
    ),
    "nps.cli_columns": (
        "  columns: score {score}, comment {comment}, segment {segment}, date {date}",
        "  列: 点数{score}、コメント{comment}、セグメント{segment}、日付{date}",
    ),
    "nps.quoted": ('"{value}"', "「{value}」"),
    "nps.cli_reject_line": ("  line {line}: {reason}", "  {line} 行目: {reason}"),
    "nps.cli_rejects_saved": ("Rejected rows saved to {path}", "取り込めなかった行を {path} に保存しました"),
    "nps.cli_no_surveys": (
        "No surveys yet. Import one with: cxtui nps import FILE SOURCE --survey NAME",
        "アンケートはまだありません。取り込むには: cxtui nps import FILE SOURCE --survey NAME",
    ),
    "nps.cli_small_note": (
        "* fewer than 30 answers: the interval is wider than ±25 points",
        "* 回答が 30 件未満: 区間が ±25 ポイントより広くなります",
    ),
    "nps.cli_change": (
        "Change: {delta} points, 95 % interval of the change {lo} to {hi}; z = {z}, {p}",
        "変化: {delta} ポイント(変化の 95% 区間 {lo} 〜 {hi})、z = {z}、{p}",
    ),
    "nps.h_survey": ("survey", "アンケート"),
    "nps.h_segment": ("segment", "セグメント"),
    "nps.h_period": ("period", "期間"),
    "nps.h_n": ("n", "回答数"),
    "nps.h_nps": ("NPS", "NPS"),
    "nps.h_ci": ("95 % interval", "95% 区間"),
    "nps.h_promoters": ("promoters", "推奨者"),
    "nps.h_passives": ("passives", "中立者"),
    "nps.h_detractors": ("detractors", "批判者"),
    "nps.h_rejected": ("rejected", "取込不可"),
    "nps.before": ("before", "施策前"),
    "nps.after": ("after", "施策後"),
    "nps.no_segment": ("(no segment)", "(セグメントなし)"),
}
