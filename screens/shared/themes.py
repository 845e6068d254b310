"""The themes cxtui offers: dark (the default), light, and high contrast for projectors.

A projector washes out dark greys: the high-contrast theme is black and white with saturated
accents, and the light theme suits bright rooms. The choice is remembered in the workspace.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="cxtui-high-contrast",
    primary="#FFD700",
    secondary="#00E5FF",
    accent="#FF6EFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#303030",
    boost="#FFFFFF22",
    success="#00FF66",
    warning="#FFB000",
    error="#FF4D4D",
    dark=True,
    variables={
        "text-muted": "#E0E0E0",
        "foreground-muted": "#E0E0E0",
        "border": "#FFFFFF",
        "border-blurred": "#A0A0A0",
        "footer-key-foreground": "#FFD700",
        "block-cursor-background": "#FFD700",
        "block-cursor-foreground": "#000000",
        "input-selection-background": "#FFD700 50%",
    },
)

# The themes the theme key cycles through, in order; (theme name, i18n key of its label).
THEMES: tuple[tuple[str, str], ...] = (
    ("textual-dark", "app.theme.dark"),
    ("textual-light", "app.theme.light"),
    (HIGH_CONTRAST.name, "app.theme.high_contrast"),
)
SETTING = "app.theme"


def next_theme(current: str) -> str:
    """The theme after `current` in THEMES (the first one after an unknown theme)."""
    names = [name for name, _ in THEMES]
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]
