"""kpi strings: (English, Japanese) for every key `kpi.<area>.<name>`."""

STRINGS = {
    "kpi.domain.name": ("KPIs", "KPI"),
    "kpi.domain.kpis": ("KPIs", "KPI"),
    "kpi.domain.kpi_imports": ("imported files", "取り込んだファイル"),
    "kpi.domain.kpi_values": ("values", "値"),
    "kpi.domain.evidence": ("field evidence", "現場の証拠"),
    "kpi.act.add": ("Add KPI", "KPI を追加"),
    "kpi.act.save": ("Edit KPI", "KPI を編集"),
    "kpi.act.delete": ("Delete KPI", "KPI を削除"),
    "kpi.act.move": ("Move KPI", "KPI を移動"),
    "kpi.act.focus": ("Focus set", "重点 KPI"),
    "kpi.act.record": ("Record KPI value", "KPI の値を記録"),
    "kpi.act.delete_value": ("Delete KPI value", "KPI の値を削除"),
    "kpi.act.add_evidence": ("Capture evidence", "現場の証拠を記録"),
    "kpi.act.save_evidence": ("Edit evidence", "現場の証拠を編集"),
    "kpi.act.delete_evidence": ("Delete evidence", "現場の証拠を削除"),
    "kpi.err.bad_layer": ("not a layer of the 3- or 4-layer model", "3層・4層モデルの層ではありません"),
    "kpi.err.bad_layer_model": (
        "layer model {model}: choose 3 or 4",
        "層モデル {model}: 3 か 4 を選んでください",
    ),
    "kpi.err.value_exists": (
        "there is already a value on {date} ({value}): replace it?",
        "{date} にはすでに値があります({value})。置き換えますか?",
    ),
}
