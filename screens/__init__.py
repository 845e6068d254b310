"""The Textual UI of cxtui: the app, one module per screen, dialogs and widgets."""
