"""Translated key bindings: class BINDINGS carry i18n keys as descriptions, instances show text.

Textual copies a class's merged bindings into each instance, so swapping the instance's copy is
enough to show the current language in the footer, the help screen and the command palette.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from cxtui.i18n import t


def translate_bindings(node: DOMNode) -> None:
    """Give `node` a copy of its class bindings with descriptions in the current language."""
    source = type(node)._merged_bindings
    if source is None:
        return
    translated = BindingsMap()
    for _key, binding in source:
        if binding.description:
            binding = replace(binding, description=t(binding.description))
        translated._add_binding(binding)
    node._bindings = translated
