"""The learning-cycles screen: the board, the five-step editor, the learning log."""
