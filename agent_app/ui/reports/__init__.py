"""Statistics dashboard and reports (PDF, CSV, XLSX, printing)."""
