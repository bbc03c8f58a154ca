"""Sitio web del curso: ``python sitio/construir.py`` lo escribe en _sitio/ (ver el README)."""
