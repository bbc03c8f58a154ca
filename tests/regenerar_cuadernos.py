"""Vuelve a ejecutar los cuadernos y guarda sus salidas, tal como las verá nbval.

Uso, desde la raíz del repositorio:

    python tests/regenerar_cuadernos.py                      # todos los cuadernos
    python tests/regenerar_cuadernos.py notebooks/02_*.ipynb  # solo algunos

Ejecuta cada cuaderno en la configuración «prueba» y en las mismas condiciones que
``pytest`` (con ``PYTEST_CURRENT_TEST`` definido, el núcleo no captura lo que TensorFlow
escribe directamente en los descriptores de archivo), de modo que las salidas guardadas
coinciden con las que nbval compara.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

RAIZ = Path(__file__).resolve().parent.parent
if str(RAIZ) not in sys.path:
    sys.path.insert(0, str(RAIZ))

from benchmarks.argumentos import Analizador  # noqa: E402


def unir_flujos(salidas: list) -> list:
    """Une los trozos seguidos de stdout (o de stderr) en uno, como los compara nbval."""
    unidas: list = []
    for salida in salidas:
        previa = unidas[-1] if unidas else None
        if (
            salida.output_type == "stream"
            and previa is not None
            and previa.output_type == "stream"
            and previa.name == salida.name
        ):
            previa.text += salida.text
        else:
            unidas.append(salida)
    return unidas


def regenerar(ruta: Path) -> None:
    """Ejecuta un cuaderno en su carpeta y lo sobrescribe con las salidas nuevas."""
    cuaderno = nbformat.read(ruta, as_version=4)
    cliente = NotebookClient(
        cuaderno,
        timeout=1800,
        kernel_name="python3",
        resources={"metadata": {"path": str(ruta.parent)}},
        record_timing=False,
    )
    inicio = time.perf_counter()
    cliente.execute()
    for celda in cuaderno.cells:
        if celda.cell_type == "code":
            celda.outputs = unir_flujos(celda.outputs)
    nbformat.write(cuaderno, ruta)
    print(f"{ruta.relative_to(RAIZ)}: {time.perf_counter() - inicio:.0f} s")


def cuadernos_de(argumentos: list[str]) -> list[Path]:
    """Las rutas pedidas, comprobadas (cuadernos .ipynb de notebooks/ que existen), o todos si no se pide ninguno."""
    parser = Analizador(description="Vuelve a ejecutar los cuadernos y guarda sus salidas, tal como las verá nbval.")
    parser.add_argument("cuadernos", nargs="*", type=Path, help="cuadernos .ipynb (por defecto, todos los de notebooks/)")
    args = parser.parse_args(argumentos)
    rutas = [a.resolve() for a in args.cuadernos] or sorted((RAIZ / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for ruta in rutas:
        if not ruta.is_file():
            parser.error(f"no existe el cuaderno {ruta.name!r}. Indica rutas a archivos .ipynb de notebooks/.")
        if ruta.suffix != ".ipynb":
            parser.error(f"{ruta.name!r} no es un cuaderno (.ipynb). Indica rutas a archivos .ipynb de notebooks/.")
        try:
            nbformat.read(ruta, as_version=4)
        except Exception as error:  # JSON roto, otro formato…
            parser.error(f"{ruta.name!r} no es un cuaderno de Jupyter válido ({type(error).__name__}).")
    return rutas


def main(argumentos: list[str]) -> None:
    rutas = cuadernos_de(argumentos)  # antes de cambiar el entorno y de ejecutar nada
    os.environ["SEQ2SEQ_CONFIG"] = "prueba"
    os.environ.pop("SEQ2SEQ_CORPUS", None)
    os.environ["PYTEST_CURRENT_TEST"] = "regenerar_cuadernos"
    for ruta in rutas:
        regenerar(ruta)


if __name__ == "__main__":
    main(sys.argv[1:])
