"""loyalty strings: (English, Japanese) for every key `loyalty.<area>.<name>`."""

STRINGS = {
    "loyalty.domain.name": ("Loyalty and ROX", "ロイヤルティ・ROX"),
    "loyalty.domain.loyalty_imports": ("imported files", "取り込んだファイル"),
    "loyalty.domain.loyalty_months": ("months", "月次の数字"),
    "loyalty.domain.rox_deals": ("deals", "案件"),
    # -- columns and fields ------------------------------------------------------------------------
    "loyalty.col.month": ("Month", "月"),
    "loyalty.col.repurchase_rate": ("Repurchase", "再購入率"),
    "loyalty.col.referrals": ("Referrals", "紹介数"),
    "loyalty.col.churn_rate": ("Churn", "解約率"),
    "loyalty.col.months_retained": ("Months kept", "継続月数"),
    "loyalty.col.average_spend": ("Avg spend", "客単価"),
    "loyalty.col.ltv": ("LTV", "LTV"),
    "loyalty.col.note": ("Note", "メモ"),
    "loyalty.col.date": ("Date", "日付"),
    "loyalty.col.name": ("Deal", "案件"),
    "loyalty.col.came_by_name": ("By name", "指名"),
    "loyalty.col.already_understood": ("Understood", "説明不要"),
    "loyalty.col.no_price_negotiation": ("No haggling", "価格交渉なし"),
    "loyalty.col.outcome": ("Outcome", "結果"),
    "loyalty.col.deals": ("Deals", "案件数"),
    "loyalty.col.favourable": ("Fav. ★", "有利★"),
    "loyalty.col.rate": ("ROX", "ROX率"),
    "loyalty.col.win_favourable": ("Win (fav.)", "勝率(有利)"),
    "loyalty.col.win_other": ("Win (other)", "勝率(他)"),
    "loyalty.field.month": ("Month", "月"),
    "loyalty.field.repurchase_rate": ("Repurchase rate", "再購入率"),
    "loyalty.field.referrals": ("Referrals", "紹介数"),
    "loyalty.field.churn_rate": ("Churn rate", "解約率"),
    "loyalty.field.months_retained": ("Months retained", "継続月数"),
    "loyalty.field.average_spend": ("Average spend", "客単価"),
    "loyalty.field.note": ("Note", "メモ"),
    "loyalty.field.date": ("Date", "日付"),
    "loyalty.field.name": ("Deal or customer", "案件・顧客"),
    "loyalty.field.outcome": ("Outcome", "結果"),
    "loyalty.field.came_by_name": ("Came by name", "指名"),
    "loyalty.field.already_understood": ("Already understood us", "説明不要"),
    "loyalty.field.no_price_negotiation": ("No price negotiation", "価格交渉なし"),
    "loyalty.outcome.open": ("open", "進行中"),
    "loyalty.outcome.won": ("won", "受注"),
    "loyalty.outcome.lost": ("lost", "失注"),
    "loyalty.cell.estimated": ("≈{value} est.", "≈{value} 推定"),
    "loyalty.cell.total": ("Total", "全期間"),
    # -- rules ---------------------------------------------------------------------------------------
    "loyalty.err.month": ("must be a month like 2026-11", "2026-11 の形式で月を入力してください"),
    "loyalty.err.no_figures": ("enter at least one figure", "数字を1つ以上入力してください"),
    "loyalty.err.rate_range": ("must be a percentage from 0 to 100", "0〜100 の%で入力してください"),
    "loyalty.err.negative": ("must not be negative", "マイナスにはできません"),
    "loyalty.err.positive": ("must be greater than 0", "0 より大きい値にしてください"),
    "loyalty.err.empty": ("must not be empty", "入力してください"),
    "loyalty.err.not_number": ("must be a number", "数値を入力してください"),
    "loyalty.err.not_whole": ("must be a whole number", "整数で入力してください"),
    "loyalty.err.not_date": ("must be a date like 2026-11-22", "2026-11-22 の形式で日付を入力してください"),
    "loyalty.err.month_taken": (
        "{month} is already recorded: edit that month instead",
        "{month} は記録済みです。その月を編集してください",
    ),
    "loyalty.err.deal_taken": (
        "“{name}” is already logged on {date}",
        "「{name}」は {date} に記録済みです",
    ),
    # -- formulas ------------------------------------------------------------------------------------
    "loyalty.formula.ltv": (
        "Simple LTV = average spend × months retained. Where months retained is blank and churn > 0, it is estimated as 100 ÷ churn rate (%) = 1 ÷ churn, and marked “≈ est.”. Rates are % of the month's customers.",
        "簡易LTV = 客単価 × 継続月数。継続月数が空欄で解約率が0より大きい月は 100 ÷ 解約率(%)= 1 ÷ 解約率 で推定し、「≈ 推定」と表示します。率はその月の顧客に対する%です。",
    ),
    "loyalty.formula.rox": (
        "ROX = the win rate before selling starts. A deal started favourable when at least one signal is set: came by name, already understood us, no price negotiation. ROX rate = favourable ÷ deals. Signal share = deals with the signal ÷ deals. Win rate = won ÷ decided (won + lost), for favourable deals and for the others: the gap is what a favourable start is worth.",
        "ROX = 営業が始まる前の勝率。指名・説明不要・価格交渉なしのサインが1つでもある案件は「有利なスタート」。ROX率 = 有利なスタートの案件 ÷ 案件数。サインの割合 = そのサインがある案件 ÷ 案件数。勝率 = 受注 ÷ 決着(受注+失注)を有利なスタートの案件とそれ以外で比べ、その差が有利なスタートの価値です。",
    ),
    # -- definitions (the A4 sheet) ------------------------------------------------------------------
    "loyalty.def.monthly": ("monthly", "月次"),
    "loyalty.def.repurchase_rate.name": ("Repurchase rate", "再購入率"),
    "loyalty.def.repurchase_rate.counted": (
        "From sales records: the month's customers who had bought before.",
        "売上記録から、その月の顧客のうち以前にも購入した人を数える。",
    ),
    "loyalty.def.repurchase_rate.formula": (
        "repurchase rate (%) = customers who bought again ÷ customers × 100",
        "再購入率(%) = 再購入した顧客 ÷ 顧客数 × 100",
    ),
    "loyalty.def.referrals.name": ("Referrals", "紹介数"),
    "loyalty.def.referrals.counted": (
        "New customers who came because a customer recommended us (ask “how did you hear of us?”).",
        "顧客の紹介で来た新しい顧客の数(「何で知りましたか?」と聞く)。",
    ),
    "loyalty.def.referrals.formula": ("referrals = count in the month", "紹介数 = その月の件数"),
    "loyalty.def.churn_rate.name": ("Churn rate", "解約率"),
    "loyalty.def.churn_rate.counted": (
        "Customers who cancelled or stopped coming in the month, of those at its start.",
        "月初の顧客のうち、その月に解約した・来なくなった顧客。",
    ),
    "loyalty.def.churn_rate.formula": (
        "churn rate (%) = customers lost ÷ customers at the start of the month × 100",
        "解約率(%) = 離れた顧客 ÷ 月初の顧客数 × 100",
    ),
    "loyalty.def.months_retained.name": ("Months retained", "継続月数"),
    "loyalty.def.months_retained.counted": (
        "Average number of months a customer keeps buying; when not known, estimated from churn.",
        "顧客が買い続ける平均の月数。分からない月は解約率から推定する。",
    ),
    "loyalty.def.months_retained.formula": (
        "months retained = average months a customer stays; if blank: 100 ÷ churn rate (%), marked ≈ est.",
        "継続月数 = 顧客が続く平均の月数。空欄なら 100 ÷ 解約率(%)で推定し「≈ 推定」と表示",
    ),
    "loyalty.def.average_spend.name": ("Average spend", "客単価"),
    "loyalty.def.average_spend.counted": (
        "The month's sales divided by its customers.",
        "その月の売上を顧客数で割る。",
    ),
    "loyalty.def.average_spend.formula": (
        "average spend = sales ÷ customers",
        "客単価 = 売上 ÷ 顧客数",
    ),
    "loyalty.def.ltv.name": ("Simple LTV", "簡易LTV"),
    "loyalty.def.ltv.counted": (
        "Worked out each month from average spend and months retained (seed 002's monthly estimate).",
        "毎月、客単価と継続月数から試算する(月次の簡易LTV試算)。",
    ),
    "loyalty.def.ltv.formula": (
        "LTV = average spend × months retained",
        "LTV = 客単価 × 継続月数",
    ),
    "loyalty.def.rox_rate.name": ("ROX rate", "ROX率"),
    "loyalty.def.rox_rate.counted": (
        "Every deal or inquiry is logged with three signals: came by name (指名), already understood us (説明不要), no price negotiation (価格交渉なし). Favourable = at least one is set.",
        "すべての商談・問い合わせを3つのサイン(指名・説明不要・価格交渉なし)とともに記録する。1つでもあれば「有利なスタート」。",
    ),
    "loyalty.def.rox_rate.formula": (
        "ROX rate (%) = favourable deals ÷ deals × 100",
        "ROX率(%) = 有利なスタートの案件 ÷ 案件数 × 100",
    ),
    "loyalty.def.signal_share.name": ("Signal share", "サインの割合"),
    "loyalty.def.signal_share.counted": (
        "For each signal, the month's deals that had it.",
        "サインごとに、その月の案件のうちそのサインがあったもの。",
    ),
    "loyalty.def.signal_share.formula": (
        "share (%) = deals with the signal ÷ deals × 100",
        "割合(%) = そのサインがある案件 ÷ 案件数 × 100",
    ),
    "loyalty.def.win_rate.name": ("Win rate by start", "スタート別の勝率"),
    "loyalty.def.win_rate.counted": (
        "Decided deals (won or lost; open ones are left out), favourable ones apart from the others.",
        "決着した案件(受注・失注。進行中は除く)を、有利なスタートとそれ以外に分けて数える。",
    ),
    "loyalty.def.win_rate.formula": (
        "win rate (%) = won ÷ (won + lost) × 100; favourable − other = what a favourable start is worth",
        "勝率(%) = 受注 ÷ (受注 + 失注) × 100。有利 − それ以外 = 有利なスタートの価値",
    ),
    # -- report --------------------------------------------------------------------------------------
    "loyalty.report.loyalty_title": ("Monthly loyalty and LTV", "月次のロイヤルティとLTV"),
    "loyalty.report.rox_title": ("ROX by month", "月別のROX"),
    "loyalty.report.no_months": ("No monthly figures recorded yet.", "月次の数字はまだ記録されていません。"),
    "loyalty.report.no_deals": ("No deals logged yet.", "案件はまだ記録されていません。"),
    # -- edits (undo labels) -------------------------------------------------------------------------
    "loyalty.act.add_month": ("record {month}", "{month} の記録"),
    "loyalty.act.edit_month": ("edit {month}", "{month} の編集"),
    "loyalty.act.delete_month": ("delete {month}", "{month} の削除"),
    "loyalty.act.add_deal": ("add a deal of {date}", "{date} の案件の追加"),
    "loyalty.act.edit_deal": ("edit a deal of {date}", "{date} の案件の編集"),
    "loyalty.act.delete_deal": ("delete a deal of {date}", "{date} の案件の削除"),
    "loyalty.act.import": ("import {source}", "{source} の取り込み"),
    "loyalty.act.demo": ("build the loyalty demo", "ロイヤルティのデモの作成"),
    # -- importing -----------------------------------------------------------------------------------
    "loyalty.import.source_missing": ("File not found: {path}", "ファイルが見つかりません: {path}"),
    "loyalty.import.bad_csv": (
        "{path} cannot be read as CSV: {reason}",
        "{path} を CSV として読めません: {reason}",
    ),
    "loyalty.import.missing_columns": (
        "{path} has no column for {needed} (headers found: {found})",
        "{path} に {needed} の列がありません(見つかった見出し: {found})",
    ),
    "loyalty.import.already": (
        "{source} was already imported on {when} (as {first}): nothing was changed",
        "{source} は {when} に取り込み済みです({first} として)。何も変更していません",
    ),
    "loyalty.import.fractions": (
        "“{column}” holds fractions (Excel percent cells): 0.124 is read as 12.4%",
        "「{column}」は小数で入っています(Excel の%表示のセル)。0.124 を 12.4% として読みました",
    ),
    "loyalty.import.no_signal_columns": (
        "no column for {columns}: those signals are taken as not set",
        "{columns} の列がありません。そのサインは「なし」として取り込みます",
    ),
    "loyalty.import.no_outcome_column": (
        "no outcome column: every deal is taken as open",
        "結果の列がありません。すべて進行中として取り込みます",
    ),
    "loyalty.import.blank": ("blank row", "空の行"),
    "loyalty.import.no_month": ("no month", "月がありません"),
    "loyalty.import.bad_month": (
        "“{value}” is not a month (e.g. 2026-11)",
        "「{value}」は月ではありません(例: 2026-11)",
    ),
    "loyalty.import.not_number": (
        "{column} “{value}” is not a number",
        "{column}「{value}」は数値ではありません",
    ),
    "loyalty.import.not_whole": (
        "{column} “{value}” is not a whole number",
        "{column}「{value}」は整数ではありません",
    ),
    "loyalty.import.invalid": ("{column} {value} {reason}", "{column} {value}: {reason}"),
    "loyalty.import.no_figures": ("{month} has no figures", "{month} に数字がありません"),
    "loyalty.import.month_twice": (
        "{month} is already on line {first} of this file",
        "{month} はこのファイルの {first} 行目にもあります",
    ),
    "loyalty.import.month_conflict": (
        "{month} already has {column} {old} in the workspace (this row says {new}): edit the month instead",
        "{month} の{column}はワークスペースに {old} と記録済みです(この行は {new})。月を編集してください",
    ),
    "loyalty.import.month_known": (
        "{month} is already recorded with these figures",
        "{month} はこの数字で記録済みです",
    ),
    "loyalty.import.no_date": ("no date", "日付がありません"),
    "loyalty.import.bad_date": ("“{value}” is not a date", "「{value}」は日付ではありません"),
    "loyalty.import.no_name": ("no deal or customer name", "案件名・顧客名がありません"),
    "loyalty.import.not_yes_no": (
        "{column} “{value}” is not yes/no (はい/いいえ, ○/×, 1/0)",
        "{column}「{value}」は はい/いいえ(○/×、1/0)ではありません",
    ),
    "loyalty.import.bad_outcome": (
        "outcome “{value}” is not won, lost or open (受注/失注/進行中)",
        "結果「{value}」は 受注/失注/進行中(won/lost/open)のいずれでもありません",
    ),
    "loyalty.import.deal_twice": (
        "the same deal and date as line {first}",
        "{first} 行目と同じ案件・日付です",
    ),
    "loyalty.import.deal_known": ("“{name}” on {date} is already logged", "「{name}」({date})は記録済みです"),
    "loyalty.import.deal_conflict": (
        "“{name}” on {date} is already logged with other signals or outcome: edit it in the app",
        "「{name}」({date})はサインか結果が異なる内容で記録済みです。アプリで編集してください",
    ),
    # -- command line --------------------------------------------------------------------------------
    "loyalty.cli.into": ("Read {source} ({encoding})", "{source} を読み込みました({encoding})"),
    "loyalty.cli.columns": ("Columns: {columns}", "列: {columns}"),
    "loyalty.cli.note": ("Note: {note}", "注意: {note}"),
    "loyalty.cli.counts": (
        "{imported} imported, {skipped} skipped, {rejected} rejected",
        "取り込み {imported} 行、スキップ {skipped} 行、取り込めず {rejected} 行",
    ),
    "loyalty.cli.skipped_line": ("  line {line}: skipped: {reason}", "  {line} 行目: スキップ: {reason}"),
    "loyalty.cli.rejected_line": ("  line {line}: rejected: {reason}", "  {line} 行目: 取り込めず: {reason}"),
    "loyalty.cli.rejects_saved": (
        "Rejected rows saved to {path}",
        "取り込めなかった行を {path} に保存しました",
    ),
    # -- screen ---------------------------------------------------------------------------------------
    "loyalty.ui.screen": ("LTV and ROX screen", "LTV・ROX 画面"),
    "loyalty.ui.tab": ("LTV·ROX", "LTV·ROX"),
    "loyalty.ui.subtitle": ("Monthly loyalty, LTV and ROX", "月次ロイヤルティ・LTV・ROX"),
    "loyalty.help.text": (
        "m monthly figures, r ROX by month, l deal log; ↑ ↓ move in the table, enter edits the month or "
        "the deal (on a ROX month: that month's deals); f charts the next monthly figure.\n\n"
        "Simple LTV = average spend × months retained. When months retained is blank and churn > 0, it is "
        "estimated as 100 ÷ churn rate (%) = 1 ÷ churn, and shown “≈ est.”; with no churn there is no "
        "estimate.\n"
        "A deal started favourable when at least one of its three signals is set: came by name, already "
        "understood us, no price negotiation.\n"
        "ROX rate = 100 × favourable ÷ deals. Signal share = 100 × deals with the signal ÷ deals.\n"
        "Win rate = 100 × won ÷ decided (won + lost; open deals are left out), for favourable deals and "
        "for the other decided deals; favourable − other, in points, is what a favourable start is worth.\n"
        "Rates are exact percentages; only the display rounds. No deals (or none decided): no rate.",
        "m 月次、r 月別ROX、l 案件ログ。↑ ↓ で表の中を移動し、enter で月または案件を編集"
        "(月別ROXの月ではその月の案件を表示)。f で次の月次の数字をグラフにします。\n\n"
        "簡易LTV = 客単価 × 継続月数。継続月数が空欄で解約率が0より大きい月は 100 ÷ 解約率(%)"
        "= 1 ÷ 解約率 で推定し「≈ 推定」と表示します。解約率が0なら推定しません。\n"
        "3つのサイン(指名・説明不要・価格交渉なし)のうち1つでもある案件は「有利なスタート」。\n"
        "ROX率 = 100 × 有利なスタートの案件 ÷ 案件数。サインの割合 = 100 × そのサインがある案件 ÷ 案件数。\n"
        "勝率 = 100 × 受注 ÷ 決着(受注 + 失注。進行中は除く)を、有利なスタートの案件と"
        "それ以外の決着した案件で求めます。有利 − それ以外(ポイント)が有利なスタートの価値です。\n"
        "率は丸めない%で計算し、表示だけを丸めます。案件(または決着)がなければ率は示しません。",
    ),
    "loyalty.key.add_month": ("Record month", "月次を記録"),
    "loyalty.key.add_deal": ("Add deal", "案件を追加"),
    "loyalty.key.edit": ("Edit", "編集"),
    "loyalty.key.delete": ("Delete", "削除"),
    "loyalty.key.import": ("Import", "取り込み"),
    "loyalty.key.next_figure": ("Next chart", "次のグラフ"),
    "loyalty.tab.months": ("Monthly (m)", "月次 (m)"),
    "loyalty.tab.rox": ("ROX by month (r)", "月別ROX (r)"),
    "loyalty.tab.deals": ("Deal log (l)", "案件ログ (l)"),
    "loyalty.ui.formula_ltv": (
        "LTV = average spend × months retained. Blank months retained ≈ 100 ÷ churn rate (%), shown “≈ est.”.",
        "LTV = 客単価 × 継続月数。継続月数が空欄の月は ≈ 100 ÷ 解約率(%)で推定し「≈ 推定」と表示。",
    ),
    "loyalty.ui.formula_rox": (
        "Favourable (★) = came by name, already understood or no haggling. ROX = favourable ÷ deals. Win = won ÷ (won + lost).",
        "有利(★)= 指名・説明不要・価格交渉なしのいずれか。ROX率 = 有利 ÷ 案件数。勝率 = 受注 ÷ (受注 + 失注)。",
    ),
    "loyalty.ui.no_months": (
        "No monthly figures yet. Press n to record a month, i to import a file.",
        "月次の数字はまだありません。n で記録、i でファイルから取り込みます。",
    ),
    "loyalty.ui.no_deals": (
        "No deals logged yet. Press a to add one, i to import a file.",
        "案件はまだ記録されていません。a で追加、i でファイルから取り込みます。",
    ),
    "loyalty.ui.chart_title": ("{figure} by month", "月別の{figure}"),
    "loyalty.ui.chart_empty": ("Nothing to chart yet.", "グラフにする数字はまだありません。"),
    "loyalty.ui.legend": ("f: next figure", "f: 次の数字"),
    "loyalty.ui.legend_estimated": (
        "● entered   x ≈ estimated (100 ÷ churn)   f: next figure",
        "● 入力値   x ≈ 推定(100 ÷ 解約率)   f: 次の数字",
    ),
    "loyalty.ui.rox_chart_title": ("ROX rate by month (%)", "月別のROX率(%)"),
    "loyalty.ui.rox_chart_legend": (
        "● favourable ÷ deals; no point: no deals that month",
        "● 有利 ÷ 案件数。点のない月は案件なし",
    ),
    "loyalty.ui.nps_chart_title": ("NPS by month (every answer)", "月別のNPS(全回答)"),
    "loyalty.ui.no_nps": (
        "No NPS answers in these months: import a survey on the NPS screen (2).",
        "この期間のNPSの回答はありません。NPS 画面(2)でアンケートを取り込めます。",
    ),
    "loyalty.ui.all_answers": ("All answers", "全回答"),
    "loyalty.ui.deals_month": (
        "{month}: {n} deal(s) · l: every month",
        "{month}: 案件 {n} 件 · l: すべての月",
    ),
    "loyalty.ui.deals_newest": (
        "The newest {shown} of {n} deals · enter on a month of the ROX tab lists all of its deals",
        "案件 {n} 件のうち新しい {shown} 件 · 月別ROXで月を選んで enter を押すとその月のすべてを表示",
    ),
    "loyalty.ui.deals_all": (
        "{n} deal(s) · ★ favourable start · ✓ signal set",
        "案件 {n} 件 · ★ 有利なスタート · ✓ サインあり",
    ),
    "loyalty.ui.month_saved": ("Saved {month}.", "{month} を保存しました。"),
    "loyalty.ui.deal_saved": ("Saved “{name}”.", "「{name}」を保存しました。"),
    "loyalty.ui.no_month_selected": ("Select a month first.", "先に月を選んでください。"),
    "loyalty.ui.no_deal_selected": ("Select a deal first.", "先に案件を選んでください。"),
    "loyalty.ui.edit_where": (
        "Months are edited on the Monthly tab (m), deals on the Deal log (l).",
        "月次は「月次」タブ(m)、案件は「案件ログ」タブ(l)で編集します。",
    ),
    "loyalty.ui.delete_month": (
        "Delete the figures of {month}? ctrl+z undoes it.",
        "{month} の数字を削除しますか? ctrl+z で元に戻せます。",
    ),
    "loyalty.ui.delete_deal": (
        "Delete “{name}” of {date}? ctrl+z undoes it.",
        "{date} の「{name}」を削除しますか? ctrl+z で元に戻せます。",
    ),
    # -- dialogs --------------------------------------------------------------------------------------
    "loyalty.dialog.add_month": ("Record a month", "月次の数字を記録"),
    "loyalty.dialog.edit_month": ("Edit a month", "月次の数字を編集"),
    "loyalty.dialog.retained_hint": ("blank: ≈ 100 ÷ churn", "空欄: ≈ 100 ÷ 解約率"),
    "loyalty.dialog.ltv_unknown": (
        "LTV = average spend × months retained: enter the spend, and months retained or churn.",
        "LTV = 客単価 × 継続月数: 客単価と、継続月数か解約率を入力してください。",
    ),
    "loyalty.dialog.ltv": ("LTV = {spend} × {months} = {ltv}", "LTV = {spend} × {months} = {ltv}"),
    "loyalty.dialog.ltv_estimated": (
        "LTV ≈ {spend} × (100 ÷ {churn}) = {spend} × {months} ≈ {ltv} (est.)",
        "LTV ≈ {spend} × (100 ÷ {churn}) = {spend} × {months} ≈ {ltv}(推定)",
    ),
    "loyalty.dialog.add_deal": ("Add a deal or inquiry", "案件・問い合わせを追加"),
    "loyalty.dialog.edit_deal": ("Edit a deal", "案件を編集"),
    "loyalty.dialog.yes": ("yes", "はい"),
    "loyalty.dialog.no": ("no", "いいえ"),
    "loyalty.dialog.favourable": ("★ Favourable start: {signals}", "★ 有利なスタート: {signals}"),
    "loyalty.dialog.not_favourable": (
        "No signal set: not a favourable start",
        "サインなし: 有利なスタートではありません",
    ),
    "loyalty.import_ui.title": ("Import from a file", "ファイルから取り込み"),
    "loyalty.import_ui.kind": ("The file holds", "ファイルの中身"),
    "loyalty.import_ui.months": ("monthly figures", "月次の数字"),
    "loyalty.import_ui.deals": ("deals (ROX log)", "案件(ROXログ)"),
    "loyalty.import_ui.path": ("File (CSV, XLSX)", "ファイル(CSV・XLSX)"),
    "loyalty.import_ui.columns_months": (
        "One row per month: month, repurchase rate, referrals, churn rate, months retained, average spend (English or Japanese headers: 月, 再購入率, 紹介数, 解約率, 継続月数, 客単価).",
        "1か月1行: 月, 再購入率, 紹介数, 解約率, 継続月数, 客単価(英語の見出しも可)。",
    ),
    "loyalty.import_ui.columns_deals": (
        "One row per deal: date, name, came by name, already understood, no price negotiation (yes/no), outcome (won/lost/open). Japanese: 日付, 案件, 指名, 説明不要, 価格交渉なし, 結果.",
        "1案件1行: 日付, 案件, 指名, 説明不要, 価格交渉なし(はい/いいえ、○/×), 結果(受注/失注/進行中)。",
    ),
    "loyalty.import_ui.no_file": ("No file at {path}", "{path} にファイルがありません"),
    "loyalty.import_ui.save_rejects": ("Save rejected rows", "取り込めなかった行を保存"),
    "loyalty.import_ui.result_title": ("Import finished", "取り込み完了"),
}

_FIGURE_KEYS = (
    "repurchase_rate", "referrals", "churn_rate", "months_retained", "average_spend", "ltv", "rox_rate",
    "signal_share", "win_rate",
)  # fmt: skip

# Keys the code builds at run time: family prefix -> the names it adds (tests check each exists).
FAMILIES: dict[str, tuple[str, ...]] = {
    "loyalty.col.": (
        "month", "repurchase_rate", "referrals", "churn_rate", "months_retained", "average_spend", "ltv",
        "note", "date", "name", "came_by_name", "already_understood", "no_price_negotiation", "outcome",
        "deals", "favourable", "rate", "win_favourable", "win_other",
    ),
    "loyalty.field.": (
        "month", "repurchase_rate", "referrals", "churn_rate", "months_retained", "average_spend", "note",
        "date", "name", "outcome", "came_by_name", "already_understood", "no_price_negotiation",
    ),
    "loyalty.outcome.": ("open", "won", "lost"),
    "loyalty.dialog.": ("yes", "no"),
    "loyalty.import_ui.": ("months", "deals"),
    "loyalty.import_ui.columns_": ("months", "deals"),
    "loyalty.def.": tuple(f"{key}.{part}" for key in _FIGURE_KEYS for part in ("name", "counted", "formula")),
}  # fmt: skip
