"""Translated key bindings: class BINDINGS carry i18n keys as descriptions, instances show text.

Textual copies a class's merged bindings into each instance, so swapping the instance's copy is
enough to show the current language in the footer, the help screen and the command palette.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from cxtui.i18n import has, t, translate_textual


def translate_bindings(node: DOMNode) -> None:
    """Give `node` its bindings with descriptions in the current language.

    Class bindings are translated from their i18n keys each time (so switching back and forth never
    compounds); bindings added to the instance only (Textual's ctrl+p palette key) are kept.
    """
    source = type(node)._merged_bindings
    translated = BindingsMap()
    from_class: set[tuple[str, str]] = set()
    for key, binding in source or ():
        from_class.add((key, binding.action))
        if binding.description:
            binding = replace(binding, description=describe(binding.description))
        translated._add_binding(binding)
    for key, binding in node._bindings:
        if (key, binding.action) not in from_class:
            # Textual's own instance keys (the palette's "palette") by their English text, kept
            # aside so switching back to English finds it again.
            english = _ENGLISH.setdefault((key, binding.action), binding.description)
            translated._add_binding(replace(binding, description=describe(english)))
    node._bindings = translated


# English descriptions of bindings Textual adds to instances, by (key, action).
_ENGLISH: dict[tuple[str, str], str] = {}


def translate_tree(root: DOMNode) -> None:
    """translate_bindings on `root` and every widget under it (after a language switch)."""
    for node in root.walk_children(with_self=True):
        translate_bindings(node)


# Keys every Textual screen has (focus moves, copying, the palette key itself): not commands of ours,
# so neither help nor the palette lists them.
TEXTUAL_ACTIONS = frozenset(
    {"app.focus_next", "app.focus_previous", "screen.copy_text", "command_palette", "app.command_palette"}
)


def is_ours(node: DOMNode, key: str, binding: Binding) -> bool:
    """Whether a binding is one cxtui declares (its class gives an i18n key as the description).

    Textual's own keys of lists, tables and inputs ("Scroll Home", "Cursor down", "Focus Next") are
    the same everywhere: help and the palette leave them out and list what the screen does.
    """
    if binding.action in TEXTUAL_ACTIONS:
        return False
    declared = type(node)._merged_bindings
    if declared is None:
        return False
    return any(
        b.action == binding.action and bool(b.description) and has(b.description)
        for b in declared.key_to_bindings.get(key, [])
    )


def describe(description: str) -> str:
    """A binding's description in the current language: ours are i18n keys, Textual's are English."""
    return t(description) if has(description) else translate_textual(description)
