"""Administrator screens: questionnaire templates and call scripts (see ui/template_editor.py)."""
