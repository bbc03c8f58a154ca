"""Argumentos de las órdenes de ``benchmarks/``: ayuda y errores de uso en español, y comprobaciones tempranas.

- ``Analizador``: un ``argparse.ArgumentParser`` que escribe «uso:», «opciones:» y sus errores en
  español (traduce los mensajes de ``argparse`` más comunes).
- ``entero(minimo)``, ``numero(minimo, maximo)``, ``fraccion``, ``lista_de_enteros``: tipos para
  ``add_argument`` que dicen en español qué valor se esperaba.
- ``analizar_pronto(__name__, construir)``: ``--help`` y los errores de uso antes de importar
  TensorFlow (va antes de las importaciones pesadas de cada orden).
- ``comprobar_escribible``, ``comprobar_carpeta_escribible``, ``comprobar_archivo_de_entrada``: antes del
  trabajo largo, que se podrá escribir el resultado y leer los datos (errores de uso, no trazas).
- ``sha256`` y ``ruta_legible``: la huella de un archivo de datos y una ruta que no muestra la de esta máquina.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import errno
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Callable

# Mensajes de argparse (Python 3.10–3.13) → español. Se aplican en orden al mensaje de error.
_TRADUCCIONES = [
    (r"^the following arguments are required: (.*)$", r"faltan estos argumentos obligatorios: \1"),
    (r"^unrecognized arguments: (.*)$", r"argumentos desconocidos: \1 (mira --help)"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"opción ambigua: \1 puede ser \2"),
    (r"^argument (\S+): expected one argument$", r"a \1 le falta su valor"),
    (r"^argument (\S+): expected at least one argument$", r"a \1 le falta al menos un valor"),
    (r"^argument (\S+): expected (\d+) arguments?$", r"\1 necesita \2 valores"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"\1 no admite valor (se le dio \2)"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"\1 no se puede usar junto con \2"),
    (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$", r"\1: \2 no es una opción válida (elige entre \3)"),
    (r"^argument (\S+): invalid int value: (.*)$", r"\1: \2 no es un número entero"),
    (r"^argument (\S+): invalid float value: (.*)$", r"\1: \2 no es un número"),
    (r"^argument (\S+): invalid \S+ value: (.*)$", r"\1: \2 no es un valor válido"),
    (r"^argument (\S+): (.*)$", r"\1: \2"),
]


def traducir_error(mensaje: str) -> str:
    """El mensaje de error de ``argparse`` en español (si no se reconoce, tal cual)."""
    for patron, reemplazo in _TRADUCCIONES:
        if re.match(patron, mensaje, flags=re.S):
            return re.sub(patron, reemplazo, mensaje, count=1, flags=re.S)
    return mensaje


class _Formato(argparse.HelpFormatter):
    """La ayuda con «uso:» en lugar de «usage:»."""

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class Analizador(argparse.ArgumentParser):
    """``ArgumentParser`` en español: ayuda («uso:», «opciones:») y errores de uso («error: …», código 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formato)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="muestra esta ayuda y termina")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {traducir_error(message)}\n")


def analizar_pronto(nombre_del_modulo: str, construir: Callable[[], argparse.ArgumentParser]) -> None:
    """Si el script se ejecuta como orden, analiza ya sus argumentos: ``--help`` y los errores de uso salen
    antes de importar TensorFlow (segundos menos). ``main`` los vuelve a analizar después."""
    if nombre_del_modulo == "__main__":
        construir().parse_args()


def entero(minimo: int | None = None) -> Callable[[str], int]:
    """Tipo de ``add_argument``: un número entero (y, si se da, ``>= minimo``), con el error en español."""

    def convertir(texto: str) -> int:
        try:
            valor = int(texto)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{texto!r} no es un número entero") from None
        if minimo is not None and valor < minimo:
            raise argparse.ArgumentTypeError(f"debe ser un entero mayor o igual que {minimo}, no {valor}")
        return valor

    convertir.__name__ = "entero"
    return convertir


def numero(minimo: float | None = None, maximo: float | None = None, abierto: bool = False) -> Callable[[str], float]:
    """Tipo de ``add_argument``: un número finito entre ``minimo`` y ``maximo`` (excluidos si ``abierto``)."""

    def convertir(texto: str) -> float:
        try:
            valor = float(texto)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{texto!r} no es un número") from None
        fuera = (valor != valor or valor in (float("inf"), float("-inf"))
                 or (minimo is not None and (valor <= minimo if abierto else valor < minimo))
                 or (maximo is not None and (valor >= maximo if abierto else valor > maximo)))
        if fuera:
            limites = {(True, True): f"entre {minimo} y {maximo}", (True, False): f"mayor que {minimo}",
                       (False, True): f"menor que {maximo}", (False, False): "finito"}[(minimo is not None, maximo is not None)]
            if not abierto and minimo is not None and maximo is None:
                limites = f"mayor o igual que {minimo}"
            raise argparse.ArgumentTypeError(f"debe ser un número {limites}{' (sin incluirlos)' if abierto and maximo is not None else ''}, no {texto}")
        return valor

    convertir.__name__ = "numero"
    return convertir


fraccion = numero(0.0, 1.0, abierto=True)  # estrictamente entre 0 y 1


def lista_de_enteros(minimo: int = 1) -> Callable[[str], list[int]]:
    """Tipo de ``add_argument``: enteros separados por comas (``100,1000``), cada uno ``>= minimo``."""
    uno = entero(minimo)

    def convertir(texto: str) -> list[int]:
        partes = [p.strip() for p in texto.split(",")]
        if not texto.strip() or not all(partes):
            raise argparse.ArgumentTypeError(f"{texto!r} no es una lista de enteros separados por comas (p. ej. 100,1000)")
        return [uno(p) for p in partes]

    convertir.__name__ = "lista_de_enteros"
    return convertir


def _falla(opcion: str, mensaje: str) -> SystemExit:
    """Un error de uso de una orden: ``opcion: mensaje`` en español, con código 2 (como ``argparse``)."""
    print(f"error: {opcion}: {mensaje}", file=sys.stderr)
    return SystemExit(2)


def _carpeta_existente(ruta: Path) -> Path:
    """La carpeta más cercana de ``ruta`` hacia arriba que existe (la que habrá que poder escribir)."""
    ruta = Path(os.path.abspath(ruta))
    while not ruta.exists() and ruta != ruta.parent:
        ruta = ruta.parent
    return ruta


def comprobar_carpeta_escribible(ruta: Path, opcion: str) -> None:
    """Antes del trabajo largo: ``ruta`` es (o será) una carpeta en la que se puede escribir; si no, ``SystemExit``."""
    ruta = Path(ruta)
    if ruta.exists() and not ruta.is_dir():
        raise _falla(opcion, f"{ruta.name!r} es un archivo, no una carpeta. Indica una carpeta.")
    base = _carpeta_existente(ruta)
    if not base.is_dir():
        raise _falla(opcion, f"no se puede crear {ruta.name!r}: {base.name!r} es un archivo, no una carpeta.")
    try:
        with tempfile.TemporaryFile(dir=base):
            pass
    except OSError as error:
        raise _falla(opcion, f"no se puede escribir en la carpeta {base.name!r} ({_causa(error)}). "
                             "Elige otra carpeta o dale permiso de escritura (chmod u+w).") from None


_CAUSAS = {errno.EACCES: "sin permiso de escritura", errno.EPERM: "operación no permitida",
           errno.EROFS: "sistema de archivos de solo lectura", errno.ENOSPC: "disco lleno",
           errno.EDQUOT: "cuota de disco agotada", errno.ENOENT: "no admite archivos nuevos",
           errno.EOPNOTSUPP: "no admite archivos nuevos", errno.EINVAL: "no admite archivos nuevos"}


def _causa(error: OSError) -> str:
    """La causa de un ``OSError`` en español (la de los errores más comunes; si no, el código del sistema)."""
    return _CAUSAS.get(error.errno, f"error del sistema {errno.errorcode.get(error.errno, error.errno)}")


def comprobar_escribible(ruta: Path, opcion: str) -> None:
    """Antes del trabajo largo: se podrá escribir el archivo ``ruta`` (no es una carpeta y su carpeta admite
    archivos nuevos; si ya existe, se puede sobrescribir). Si no, ``SystemExit`` con un mensaje en español."""
    ruta = Path(ruta)
    if ruta.is_dir():
        raise _falla(opcion, f"{ruta.name!r} es una carpeta; indica un archivo (p. ej. {ruta.name}/informe.md).")
    if ruta.exists() and not stat.S_ISREG(ruta.stat().st_mode):
        raise _falla(opcion, f"{ruta.name!r} no es un archivo normal (¿un dispositivo o una tubería?). Indica un archivo.")
    for superior in ruta.parents:
        if superior.exists() and not superior.is_dir():
            raise _falla(opcion, f"no se puede escribir {ruta.name!r}: {superior.name!r} es un archivo, no una carpeta.")
    comprobar_carpeta_escribible(ruta.parent, opcion)
    if ruta.exists() and not os.access(ruta, os.W_OK):
        raise _falla(opcion, f"no hay permiso para sobrescribir {ruta.name!r}. Dale permiso (chmod u+w) o elige otro archivo.")


def comprobar_archivo_de_entrada(ruta: Path, opcion: str) -> None:
    """``ruta`` existe y es un archivo normal que se puede leer (no una carpeta, un dispositivo ni una tubería)."""
    ruta = Path(ruta)
    if not ruta.exists():
        raise _falla(opcion, f"no existe {ruta.name!r}. Comprueba la ruta.")
    if ruta.is_dir():
        raise _falla(opcion, f"{ruta.name!r} es una carpeta; indica el archivo de dentro (p. ej. {ruta.name}/fra.txt).")
    if not stat.S_ISREG(ruta.stat().st_mode):
        raise _falla(opcion, f"{ruta.name!r} no es un archivo normal (¿un dispositivo o una tubería?). Indica un archivo de texto.")
    if not os.access(ruta, os.R_OK):
        raise _falla(opcion, f"no hay permiso para leer {ruta.name!r} (chmod u+r).")


RAIZ = Path(__file__).resolve().parent.parent


def sha256(ruta: Path) -> str:
    """Huella SHA-256 de un archivo, leído por trozos."""
    suma = hashlib.sha256()
    with open(ruta, "rb") as archivo:
        for trozo in iter(lambda: archivo.read(1 << 20), b""):
            suma.update(trozo)
    return suma.hexdigest()


def ruta_legible(ruta: Path) -> str:
    """La ruta relativa a la raíz del curso, o ``RUTA/A/<nombre>`` si está fuera (nunca la de esta máquina)."""
    try:
        return Path(ruta).resolve().relative_to(RAIZ).as_posix()
    except ValueError:
        return f"RUTA/A/{Path(ruta).name}"


# --- Puntos de control de las órdenes que entrenan (entrenar_transformer.py, entrenar_palabras.py) ---
def escribir_atomico(ruta: Path, texto: str) -> None:
    """Escribe un archivo de texto de una vez: un corte deja el anterior o el nuevo, nunca medio."""
    temporal = ruta.with_name(f".{ruta.name}.temporal")
    temporal.write_text(texto, encoding="utf-8")
    os.replace(temporal, ruta)


def leer_historia_para_reanudar(ruta_historia: Path, ajustes: dict, opciones: tuple[str, ...],
                                defectos: dict | None = None) -> dict:
    """La historia guardada en ``ruta_historia`` si sus ajustes son los de ahora; si no, un error que dice qué cambió.

    ``opciones``: las claves de ``ajustes`` que deben coincidir; ``defectos``: el valor de las que se
    añadieron después, para los trabajos guardados sin ellas.
    """
    defectos = defectos or {}
    try:
        guardado = json.loads(ruta_historia.read_text(encoding="utf-8"))
        historia, previos = guardado["historia"], guardado["ajustes"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SystemExit(f"no se puede reanudar: {ruta_historia.name} falta o está dañado ({type(error).__name__}). "
                         "Empieza de cero sin --reanudar.") from None
    distintos = [k for k in opciones if previos.get(k, defectos.get(k)) != ajustes.get(k)]
    if distintos:
        raise SystemExit("no se puede reanudar con otras opciones: cambian " + ", ".join(
            f"{k} ({previos.get(k, defectos.get(k))} → {ajustes.get(k)})" for k in distintos) + ". Usa las mismas o empieza de cero.")
    return historia


def guardar_cada_epoca(historia: dict, ajustes: dict, trabajo: Path, paciencia: int, medir_chrf: Callable,
                       anotar_tasa: bool = False):
    """La retrollamada que, tras cada época, anota la historia, guarda los puntos de control y para por paciencia.

    Anota en ``historia`` lo que da Keras, los segundos y el chrF de parada (``medir_chrf(modelo)``; con
    ``anotar_tasa``, también la tasa de aprendizaje del optimizador). Guarda, siempre de forma atómica, los
    pesos de la mejor época (``mejor.weights.h5``), el último modelo (``ultimo.keras``, para ``--reanudar``)
    y ``historia.json`` con ``ajustes``. Para tras ``paciencia`` épocas sin mejorar el chrF de parada.
    Importa Keras al llamarla, no al importar este módulo (``--help`` sigue siendo inmediato).
    """
    import time

    import keras

    from utils import modelos

    class GuardarCadaEpoca(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.inicio = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            logs = dict(logs or {})
            logs["segundos"] = time.perf_counter() - self.inicio
            logs[modelos.CLAVE_CHRF] = medir_chrf(self.model)
            if anotar_tasa:
                logs["tasa"] = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
            for clave, valor in logs.items():
                historia.setdefault(clave, []).append(float(valor))
            mejor = modelos.mejor_epoca(historia) - 1
            if mejor == epoch:
                temporal = trabajo / ".mejor.temporal.weights.h5"
                self.model.save_weights(temporal)
                os.replace(temporal, trabajo / "mejor.weights.h5")
            temporal = trabajo / ".ultimo.temporal.keras"
            self.model.save(temporal)
            os.replace(temporal, trabajo / "ultimo.keras")
            escribir_atomico(trabajo / "historia.json", json.dumps({"ajustes": ajustes, "historia": historia}))
            tasa = f", tasa {logs['tasa']:.2e}" if anotar_tasa else ""
            print(f"época {epoch + 1:>3}: pérdida {logs['loss']:.4f}, de parada {logs['val_loss']:.4f}, chrF de parada "
                  f"{logs[modelos.CLAVE_CHRF]:.1f}{tasa} ({logs['segundos']:.0f} s){'  ← mejor' if mejor == epoch else ''}",
                  flush=True)
            if epoch - mejor >= paciencia:
                self.model.stop_training = True

    return GuardarCadaEpoca()


def dibujar_curva_de_entrenamiento(historia: dict, mejor: int, ruta: Path, titulo: str, unidad: str,
                                   etiqueta_perdida: str, etiqueta_parada: str) -> None:
    """La curva de un paquete entrenado por época: la pérdida y el chrF de las frases de parada, con la época elegida.

    ``unidad`` completa el título del panel de la pérdida («Pérdida por ``unidad``»); ``etiqueta_perdida``
    es el nombre de su eje y ``etiqueta_parada`` el de la curva de la parte de parada. Importa matplotlib
    al llamarla (``--help`` sigue siendo inmediato).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from utils import modelos

    epocas = np.arange(1, len(historia["loss"]) + 1)
    figura, (eje_perdida, eje_chrf) = plt.subplots(1, 2, figsize=(11, 4))
    eje_perdida.plot(epocas, historia["loss"], "o-", label="entrenamiento")
    eje_perdida.plot(epocas, historia["val_loss"], "o-", label=etiqueta_parada)
    eje_perdida.set(xlabel="época", ylabel=etiqueta_perdida, title=f"Pérdida por {unidad}")
    eje_chrf.plot(epocas, historia[modelos.CLAVE_CHRF], "o-", color="tab:green", label="chrF de parada (voraz)")
    eje_chrf.set(xlabel="época", ylabel="chrF", title="chrF de las frases de parada")
    for eje in (eje_perdida, eje_chrf):
        eje.axvline(mejor, color="gray", linestyle=":", label=f"época elegida ({mejor})")
        eje.legend()
    figura.suptitle(titulo)
    figura.tight_layout()
    figura.savefig(ruta, dpi=100)
    plt.close(figura)
