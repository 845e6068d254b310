"""A text written in both of cxtui's languages, as the domains' demo data files hold them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Text(BaseModel):
    """A text of the demo in both languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str
    ja: str

    def pick(self, lang: str) -> str:
        """The text in `lang` (English for anything but 'ja')."""
        return self.ja if lang == "ja" else self.en
