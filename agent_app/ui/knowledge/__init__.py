"""The knowledge base on screen: the search panel (Ctrl+K), the editor, overdue reviews."""
