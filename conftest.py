"""Ajustes globales de pytest para el curso.

- Elige la configuración «prueba» (corpus de ``datos/``, tamaños pequeños) antes de que
  nbval arranque los núcleos de los cuadernos, que heredan estas variables de entorno.
- Bloquea la red en las pruebas unitarias: ninguna prueba puede descargar nada.
"""

import os
import socket

import pytest

os.environ["SEQ2SEQ_CONFIG"] = "prueba"
os.environ.pop("SEQ2SEQ_CORPUS", None)  # un corpus local del usuario no debe cambiar las pruebas


def _red_prohibida(*args, **kwargs):
    raise OSError("las pruebas no pueden usar la red (bloqueada en conftest.py)")


@pytest.fixture(autouse=True)
def sin_red(monkeypatch):
    """Cualquier intento de conexión durante una prueba falla de inmediato."""
    monkeypatch.setattr(socket.socket, "connect", _red_prohibida)
    monkeypatch.setattr(socket, "create_connection", _red_prohibida)
