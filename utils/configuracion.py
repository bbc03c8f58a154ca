"""Configuración del curso en un solo lugar: rutas, semillas y tamaños.

Se presenta en ``00_introduccion``. Hay dos configuraciones y una variable de entorno
elige entre ellas:

- ``curso`` (por defecto): el archivo completo de Tatoeba cuando se puede descargar y
  los tamaños clásicos (sus primeros 10 000 pares, ``latent_dim = 256``, lotes de 64, parada
  temprana).
- ``prueba``: el corpus de ``datos/``, tamaños pequeños y nada de red. Es la que usa
  ``pytest`` (la elige ``tests/conftest.py``).

Ejemplo: ``SEQ2SEQ_CONFIG=prueba jupyter lab``.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# --- Rutas (todas relativas a la raíz del repositorio) --------------------------------
RAIZ = Path(__file__).resolve().parent.parent
DIR_CUADERNOS = RAIZ / "notebooks"
DIR_DATOS = RAIZ / "datos"
DIR_IMAGENES = RAIZ / "imagenes"
DIR_DESCARGAS = DIR_DATOS / "descargas"  # caché de descargas, ignorada por git
DIR_MODELOS = RAIZ / "modelos"  # modelos entrenados, ignorados por git
DIR_PREENTRENADO = DIR_DATOS / "preentrenado"  # el modelo que el curso trae ya entrenado (en git)
DIR_RECETA = DIR_DATOS / "receta"  # la receta del cuaderno 04 en «curso», ya entrenada (en git)
DIR_PALABRAS = DIR_DATOS / "palabras"  # el traductor de palabras del cuaderno 08, entrenado con todo Tatoeba (en git)
DIR_PALABRAS_ATENCION = DIR_DATOS / "palabras_atencion"  # el mismo con atención, del cuaderno 09 (en git)

# Repositorio público del curso (insignias de Colab, celda de instalación en Colab y sitio). Para
# publicar el curso desde tu propia copia, no lo edites a mano: ``python -m utils.configuracion
# repositorio USUARIO/NOMBRE`` lo cambia aquí, en las insignias y celdas de los cuadernos y en el README.
REPOSITORIO = "curso-seq2seq/seq2seq-keras-es"
URL_REPOSITORIO = f"https://github.com/{REPOSITORIO}"

# Versiones con las que funciona el curso fuera de requirements.txt (Colab trae otras): [mínima, tope).
VERSIONES_ADMITIDAS = {"Keras": ("3.0", "4"), "TensorFlow": ("2.16", "3"), "NumPy": ("1.26", "3")}

# --- Variables de entorno ---------------------------------------------------------------
VARIABLE_CONFIG = "SEQ2SEQ_CONFIG"  # "curso" o "prueba"
VARIABLE_CORPUS = "SEQ2SEQ_CORPUS"  # ruta opcional a un fra.txt ya descargado


PARADAS = ("chrf", "perdida")  # cómo decide entrenar_modelo cuándo parar (cuaderno 04)


@dataclass(frozen=True)
class Configuracion:
    """Tamaños y opciones de una configuración del curso."""

    nombre: str
    datos_completos: bool  # intentar el archivo completo de Tatoeba (con descarga)
    num_pares: int  # pares que se leen, en el orden del archivo
    latent_dim: int  # unidades de las LSTM (dimensión del contexto)
    batch_size: int
    epocas: int  # máximo de épocas (con parada temprana)
    paciencia: int  # épocas sin mejora antes de parar
    fraccion_validacion: float
    tasa_aprendizaje: float  # de Adam, en la receta que aprende (cuaderno 04)
    clipnorm: float = 1.0  # recorte de la norma del gradiente de cada peso (cuaderno 04)
    dropout: float = 0.0  # fracción de salidas del decodificador que se apagan al entrenar (cuaderno 04)
    semilla: int = 42
    parada: str = "chrf"  # "chrf": parar por el chrF de las frases de parada; "perdida": por la pérdida de validación
    fraccion_parada: float = 0.05  # de las frases inglesas de entrenamiento, las que se apartan para parar por chrF

    def __post_init__(self):
        if self.parada not in PARADAS:
            raise ValueError(f"parada debe ser uno de {', '.join(map(repr, PARADAS))}, no {self.parada!r}.")


CONFIGURACIONES = {
    "curso": Configuracion(
        # La receta medida en benchmarks/receta.py: de 8 min (CPU de 2 núcleos libre) a 13 (compartida).
        # datos/receta/ la trae ya entrenada (el cuaderno 04 la carga).
        nombre="curso", datos_completos=True, num_pares=10_000, latent_dim=384, batch_size=64, epocas=50,
        paciencia=8, fraccion_validacion=0.1, tasa_aprendizaje=0.002, clipnorm=1.0, dropout=0.1,
    ),
    "prueba": Configuracion(
        # Entrena en menos de un minuto en 2 núcleos: pocos pares y un modelo pequeño.
        nombre="prueba", datos_completos=False, num_pares=1_000, latent_dim=128, batch_size=32, epocas=30,
        paciencia=5, fraccion_validacion=0.2, tasa_aprendizaje=0.003, clipnorm=1.0, dropout=0.0, fraccion_parada=0.1,
    ),
}


def obtener_configuracion(nombre: str | None = None) -> Configuracion:
    """Devuelve la configuración pedida o, si no se pide ninguna, la de ``SEQ2SEQ_CONFIG``."""
    if nombre is None:
        nombre = os.environ.get(VARIABLE_CONFIG, "curso").strip().lower() or "curso"
    if nombre not in CONFIGURACIONES:
        validas = ", ".join(sorted(CONFIGURACIONES))
        raise ValueError(
            f"configuración desconocida: {nombre!r}. Las válidas son: {validas}. "
            f"Revisa la variable de entorno {VARIABLE_CONFIG}."
        )
    return CONFIGURACIONES[nombre]


# Lo que TensorFlow escribe en el descriptor 2 al arrancar, antes de que Python pueda filtrarlo: avisos
# INFO y WARNING de absl (oneDNN, «Could not find cuda drivers», instrucciones de la CPU) y el error de
# cuInit de una máquina sin GPU. Jupyter lo muestra en el cuaderno y pytest no, así que el curso lo aparta
# para todos igual; cualquier otra línea se vuelve a escribir en stderr.
_RUIDO_DE_ARRANQUE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\)"
    r"|[IW]\d{4} [\d:.]+ +\d+ \S+:\d+\]"
    r"|E\d{4} [\d:.]+ +\d+ cuda_\w+\.cc:\d+\] failed call to cuInit"
    r"|To enable the following instructions: )"
)


def _importar_keras_sin_ruido():
    """Importa Keras (y arranca TensorFlow con sus dispositivos) sin el ruido de arranque; devuelve ``keras``."""
    import tempfile

    try:
        sys.stderr.flush()
        guardado = os.dup(2)
    except (OSError, ValueError):  # sin descriptor 2 (algunos entornos incrustados): importar sin más
        import keras

        return keras
    with tempfile.TemporaryFile() as apartado:
        os.dup2(apartado.fileno(), 2)
        try:
            import keras

            if keras.backend.backend() == "tensorflow":
                import tensorflow as tf

                tf.config.list_physical_devices()  # el segundo lote de avisos sale al buscar dispositivos
        finally:
            os.dup2(guardado, 2)
            os.close(guardado)
            apartado.seek(0)
            resto = [linea for linea in apartado.read().decode("utf-8", errors="replace").splitlines()
                     if linea.strip() and not _RUIDO_DE_ARRANQUE.match(linea)]
            if resto:
                sys.stderr.write("\n".join(resto) + "\n")
    return keras


def fijar_semillas(semilla: int = 42) -> None:
    """Fija las semillas de Python, NumPy y del backend de Keras en una sola llamada."""
    keras = _importar_keras_sin_ruido()  # importación diferida: la etapa de datos no necesita Keras

    keras.utils.set_random_seed(semilla)


def avisar(mensaje: str) -> None:
    """Muestra un aviso visible en el cuaderno (por la salida estándar, no por stderr)."""
    print(f"⚠️  {mensaje}")


def _numeros(version: str) -> tuple[int, ...]:
    """Los tres primeros números de una versión, para compararla: «2.21.0rc1» → (2, 21, 0)."""
    return tuple(int(n) for n in re.findall(r"\d+", version)[:3])


def _versiones_en_uso() -> dict[str, str]:
    """Versión de cada paquete de ``VERSIONES_ADMITIDAS``: la del módulo ya importado o la instalada."""
    versiones = {}
    for nombre in VERSIONES_ADMITIDAS:
        modulo = sys.modules.get(nombre.lower())  # tras reinstalar sin reiniciar, la importada es la que cuenta
        try:
            versiones[nombre] = getattr(modulo, "__version__", None) or importlib.metadata.version(nombre.lower())
        except importlib.metadata.PackageNotFoundError:
            pass  # sin TensorFlow, por ejemplo, con el backend JAX
    return versiones


def comprobar_versiones(versiones: dict[str, str] | None = None) -> list[str]:
    """Avisa de cada paquete fuera de ``VERSIONES_ADMITIDAS`` (con las versiones fijadas no dice nada)."""
    requisitos = RAIZ / "requirements.txt"
    fijadas = re.findall(r"^\S+==\S+", requisitos.read_text(encoding="utf-8"), flags=re.M) if requisitos.is_file() else []
    avisos = []
    for nombre, version in (_versiones_en_uso() if versiones is None else versiones).items():
        minima, tope = VERSIONES_ADMITIDAS[nombre]
        if not _numeros(minima) <= _numeros(version) < _numeros(tope):
            probada = next((f for f in fijadas if f.startswith(f"{nombre.lower()}==")), nombre.lower())
            avisos.append(
                f"{nombre} {version} está fuera de las versiones que admite el curso (≥ {minima} y < {tope}): "
                f"alguna celda puede fallar o dar otros resultados. Instala la versión probada, {probada} (en Colab: "
                f"%pip install {probada} y reinicia la sesión; en tu máquina: requirements.txt en un entorno nuevo)."
            )
    for aviso in avisos:
        avisar(aviso)
    return avisos


def describir_configuracion(config: Configuracion) -> str:
    """Texto de una línea con la configuración activa y sus tamaños."""
    datos = "Tatoeba completo si hay red" if config.datos_completos else "corpus de datos/"
    return (
        f"Configuración activa: «{config.nombre}» ({datos}; {config.num_pares} pares, "
        f"latent_dim={config.latent_dim}, batch_size={config.batch_size}, "
        f"hasta {config.epocas} épocas, tasa de aprendizaje {config.tasa_aprendizaje}, semilla {config.semilla})"
    )


def preparar_cuaderno(nombre: str | None = None) -> Configuracion:
    """Elige la configuración, fija las semillas y la anuncia. Cada cuaderno la llama al empezar."""
    config = obtener_configuracion(nombre)
    fijar_semillas(config.semilla)
    comprobar_versiones()
    print(describir_configuracion(config))
    return config



# --- Publicar el curso desde otra copia (la de un docente) ------------------------------------------
def apuntar_a_repositorio(nuevo: str, raiz: Path = RAIZ) -> list[Path]:
    """Hace que insignias de Colab, celdas de configuración, README y sitio apunten a ``nuevo``.

    ``nuevo`` es ``"usuario/nombre"`` de GitHub (o su URL). Cambia, en la copia del curso que hay en
    ``raiz``, cada ``github.com/<repositorio actual>`` (y cada insignia ``colab.research.google.com/github/<repositorio actual>/``) de ``notebooks/*.ipynb``, ``README.md`` y
    ``GLOSARIO.md``, y la constante ``REPOSITORIO`` de este archivo (de la que lee el sitio).
    Devuelve los archivos cambiados.
    """
    nuevo = nuevo.strip().removeprefix("https://").removeprefix("github.com/").strip("/").removesuffix(".git")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}", nuevo):
        raise ValueError(f"{nuevo!r} no es un repositorio de GitHub: escribe USUARIO/NOMBRE, p. ej. ana-garcia/seq2seq-keras-es.")
    este = Path(raiz) / "utils" / "configuracion.py"
    texto = este.read_text(encoding="utf-8")
    actual = re.search(r'^REPOSITORIO = "([^"]+)"', texto, flags=re.M).group(1)
    cambiados = []
    if actual != nuevo:
        for ruta in [este, Path(raiz) / "README.md", Path(raiz) / "GLOSARIO.md", *sorted((Path(raiz) / "notebooks").glob("*.ipynb"))]:
            if not ruta.is_file():
                continue
            viejo = ruta.read_text(encoding="utf-8")
            cambiado = viejo.replace(f"github.com/{actual}", f"github.com/{nuevo}").replace(
                f"colab.research.google.com/github/{actual}/", f"colab.research.google.com/github/{nuevo}/")
            if ruta == este:
                cambiado = cambiado.replace(f'REPOSITORIO = "{actual}"', f'REPOSITORIO = "{nuevo}"')
            if cambiado != viejo:
                ruta.write_text(cambiado, encoding="utf-8")
                cambiados.append(ruta)
    return cambiados


def main(argv: list[str] | None = None) -> int:
    """Orden de línea: ``python -m utils.configuracion repositorio USUARIO/NOMBRE``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m utils.configuracion",
                                     description="Ajustes del curso que se guardan en el repositorio.")
    ordenes = parser.add_subparsers(dest="orden", required=True)
    orden = ordenes.add_parser("repositorio", help="apunta insignias de Colab, celdas de configuración, README y sitio a otra copia")
    orden.add_argument("destino", help="USUARIO/NOMBRE de tu copia en GitHub (p. ej. ana-garcia/seq2seq-keras-es)")
    args = parser.parse_args(argv)
    try:
        cambiados = apuntar_a_repositorio(args.destino)
    except ValueError as error:
        parser.error(str(error))
    for ruta in cambiados:
        print(f"cambiado: {ruta.relative_to(RAIZ)}")
    print("Hecho: insignias de Colab, celdas de configuración, README y sitio apuntan a la copia nueva; "
          "revisa el cambio con git diff y súbelo." if cambiados else "Nada que cambiar: el curso ya apunta a ese repositorio.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
