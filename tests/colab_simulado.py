"""Ejecuta celdas de los cuadernos como las ejecutaría Colab (lo usa tests/test_colab.py).

Uso, en la carpeta que hace de ``/content`` de Colab:

    python tests/colab_simulado.py PLAN.json INFORME.json

PLAN.json es una lista de celdas ``{"nombre": …, "fuente": …}``. Antes de ejecutarlas, en un
IPython como el de Colab, pone en ``sys.modules`` un módulo ``google.colab`` falso (la celda de
configuración solo mira si está) y anota cada orden que se lanza: las de ``subprocess`` se
ejecutan (el ``git clone``), salvo las de pip, que se anotan sin correr; las de la shell de
IPython (``!…``, ``%pip``) se anotan sin correr. INFORME.json dice, por celda, el error (si lo
hubo), lo que imprimió y las órdenes que lanzó, y al final ``sys.path`` y de dónde salió ``utils``.
"""

import contextlib
import io
import json
import subprocess
import sys
import types
from pathlib import Path

from IPython.core.interactiveshell import InteractiveShell

ordenes: list = []


class PopenAnotado(subprocess.Popen):
    """``subprocess.Popen`` que anota cada orden; las de pip no llegan a ejecutarse (no hay red)."""

    def __init__(self, args, *posicionales, **nombrados):
        ordenes.append(args if isinstance(args, str) else [str(a) for a in args])
        if "pip" in str(args):
            args, nombrados["shell"] = ["true"], False
        super().__init__(args, *posicionales, **nombrados)


def main(plan: Path, informe: Path) -> None:
    sys.modules["google.colab"] = types.ModuleType("google.colab")  # Colab lo trae ya importado
    subprocess.Popen = PopenAnotado
    shell = InteractiveShell.instance(colors="nocolor")  # errores legibles en el informe
    shell.system = shell.system_raw = shell.system_piped = ordenes.append  # «!orden» y %pip
    pasos = []
    for celda in json.loads(plan.read_text(encoding="utf-8")):
        antes, salida = len(ordenes), io.StringIO()
        with contextlib.redirect_stdout(salida):
            resultado = shell.run_cell(celda["fuente"], store_history=False)
        error = resultado.error_before_exec or resultado.error_in_exec
        pasos.append({
            "nombre": celda["nombre"],
            "error": None if error is None else f"{type(error).__name__}: {error}",
            "salida": salida.getvalue(),
            "ordenes": ordenes[antes:],
        })  # fmt: skip
    utils = sys.modules.get("utils")
    datos = {"pasos": pasos, "sys_path": sys.path, "utils": getattr(utils, "__file__", None), "RAIZ": str(shell.user_ns.get("RAIZ"))}
    informe.write_text(json.dumps(datos, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
