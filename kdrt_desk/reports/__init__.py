"""Report writers: data in, file out (PDF with reportlab, XLSX with openpyxl); no Qt."""
