"""Los paquetes guardados del curso: guardarlos, comprobarlos y cargarlos, de todos los tipos.

Un paquete es una carpeta con ``modelo.keras`` (sin optimizador, cargado con ``safe_mode=True``) y
``metadatos.json``: el vocabulario, la configuración, ``extra`` (un diccionario libre), el ``"tipo"``
del modelo y las sumas sha256 de todo, que se comprueban antes de cargar. Se escribe de forma atómica:
una interrupción nunca deja un paquete a medias. Cada cuaderno enseña el suyo:

- ``03_modelo_de_entrenamiento`` y ``04_una_receta_que_aprende``: el paquete de caracteres
  (``guardar_modelo``, ``cargar_modelo``, ``leer_metadatos``), el del modelo que entrenas en el 04 y
  el del preentrenado de ``datos/preentrenado/`` (con ``entrenamiento.json`` y ``frases_vistas.npy``);
- ``08_modelo_de_palabras_con_gru``: el de palabras (``guardar_modelo_palabras``,
  ``cargar_modelo_palabras``, ``"tipo": "palabras"``), con los pesos en float32 o en float16;
- ``09_atencion``: el mismo paquete de palabras para el modelo con atención, que se reconoce por
  ``"atencion": true`` en su configuración;
- ``10_transformer_subpalabras``: el del Transformer (``guardar_transformer``, ``cargar_transformer``,
  ``"tipo": "transformer"``), con el tokenizador dentro y las huellas de sus frases de entrenamiento.

``tipo_de_paquete`` y ``cargar`` sirven para cualquiera de ellos (así elige ``benchmarks/calidad.py``
cómo medir un paquete). Las capas y los modelos de cada tipo están en ``utils.modelos``,
``utils.palabras``, ``utils.atencion`` y ``utils.transformer``; este módulo los importa solo dentro de
las funciones que los necesitan, porque esos módulos importan de este.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import keras
import numpy as np

from utils.configuracion import Configuracion, avisar
from utils.datos import Vocabulario, huella

# --- 1. Los archivos y las claves de un paquete -----------------------------------------------------
ARCHIVO_MODELO = "modelo.keras"
ARCHIVO_METADATOS = "metadatos.json"
ARCHIVO_ENTRENAMIENTO = "entrenamiento.json"  # cómo se entrenó el preentrenado: datos, partición, épocas, tiempos
ARCHIVO_VISTAS = "frases_vistas.npy"  # huellas de las frases inglesas del entrenamiento
VERSION_PAQUETE = 2  # cambia si cambia el formato del paquete guardado (2: con sumas sha256)
CLAVE_SUMAS = "sumas_sha256"  # en metadatos.json: la de modelo.keras, la del vocabulario, la del resto y las de los demás archivos
SUMA_METADATOS = "metadatos"  # en CLAVE_SUMAS: la del resto de metadatos.json (configuración, extra, tipo…)
# Qué modelo guarda un paquete: "tipo" en metadatos.json (si falta, de caracteres) y con qué se carga.
TIPO_CARACTERES = "caracteres"
TIPO_PALABRAS = "palabras"  # también el modelo de palabras con atención (cuaderno 09)
TIPO_TRANSFORMER = "transformer"
_CARGADORES = {TIPO_CARACTERES: "utils.paquetes.cargar_modelo",
               TIPO_PALABRAS: "utils.paquetes.cargar_modelo_palabras (cuaderno 08)",
               TIPO_TRANSFORMER: "utils.paquetes.cargar_transformer (cuaderno 10)"}
# Lo que se propone hacer cuando un paquete guardado no pasa las comprobaciones. Es un texto
# aparte para poder completarlo (p. ej. con la orden que reentrena un modelo del curso).
PISTA_REENTRENAR = "Vuelve a guardar el modelo con guardar_modelo o, si ya no lo tienes, vuelve a entrenarlo (cuaderno 04)."


# --- 2. El paquete de caracteres (cuadernos 03 y 04) y la escritura atómica que comparten todos -------
def _tamanos_de_caracteres(modelo: keras.Model) -> tuple[int, int]:
    """Caracteres de entrada y de salida, leídos de las capas con nombre (sirve también para el modelo ligero)."""
    try:
        return int(modelo.get_layer("encoder_inputs").output.shape[-1]), int(modelo.get_layer("decoder_dense").units)
    except ValueError as error:
        raise ValueError(
            "el modelo no tiene las capas con nombre del curso (encoder_inputs, decoder_dense): "
            "constrúyelo con construir_modelo_entrenamiento o construir_modelo_ligero."
        ) from error


def guardar_modelo(
    modelo: keras.Model, vocab: Vocabulario, config: Configuracion, carpeta: str | Path, extra: dict | None = None,
    *, archivos: dict[str, bytes] | None = None, frases_vistas: Sequence[str] = (),
) -> Path:
    """Guarda juntos el modelo (``.keras``), el vocabulario y la configuración, de forma atómica.

    Todo se escribe en una carpeta temporal y se renombra al final: una interrupción nunca
    deja un paquete a medias y el paquete anterior sigue intacto. Antes de empezar, recupera el
    paquete anterior si un guardado murió entre sus dos renombrados y borra los restos de
    guardados interrumpidos (``.NOMBRE.anterior``, ``.NOMBRE.temporal-xxxxxxxx``). Un fallo del disco o
    de permisos da el mismo tipo de ``OSError`` con un mensaje en español que dice qué hacer.
    ``metadatos.json`` guarda además la suma sha256 de
    ``modelo.keras`` y la del vocabulario, que ``cargar_modelo`` comprueba, y ``extra``: un
    diccionario libre (textos, números, listas…) que devuelve ``leer_metadatos``, p. ej. una
    descripción de la receta de entrenamiento. ``archivos`` (nombre → bytes) añade otros archivos al
    paquete, dentro del mismo guardado atómico y con su suma (p. ej. ``entrenamiento.json``); ``frases_vistas``, las
    frases inglesas de entrenamiento, de las que se guardan solo las huellas (``huellas_vistas``). Devuelve la carpeta.

    Nunca mueve ni reemplaza lo que no es un paquete del curso: si ``carpeta`` es un archivo, o una
    carpeta con otras cosas, lo dice y no toca nada.
    """
    carpeta = ruta_de_argumento(carpeta, "carpeta")
    if not isinstance(modelo, keras.Model):
        raise TypeError(f"modelo debe ser un modelo de Keras (keras.Model), no {_resumir(modelo)}.")
    if not isinstance(vocab, Vocabulario):
        raise TypeError(f"vocab debe ser un Vocabulario (crear_vocabulario), no {_resumir(vocab)}.")
    if not isinstance(config, Configuracion):
        raise TypeError(f"config debe ser una Configuracion (obtener_configuracion), no {_resumir(config)}.")
    entrada, salida = _tamanos_de_caracteres(modelo)
    if (entrada, salida) != (vocab.num_encoder_tokens, vocab.num_decoder_tokens):
        raise ValueError(
            f"el modelo espera {entrada} caracteres de entrada y {salida} de salida, pero el "
            f"vocabulario tiene {vocab.num_encoder_tokens} y {vocab.num_decoder_tokens}. "
            f"Guarda el vocabulario con el que se entrenó este modelo."
        )
    try:
        Vocabulario.desde_diccionario(vocab.a_diccionario())
    except ValueError as error:
        raise ValueError(f"{error}. No se guarda: crea el vocabulario con crear_vocabulario().") from error
    configuracion = {k: getattr(config, k) for k in config.__dataclass_fields__}
    archivos = {**(archivos or {}), **(_archivo_de_vistas(frases_vistas) or {})} or None
    return escribir_paquete(modelo, {"vocabulario": vocab.a_diccionario(), "configuracion": configuracion}, carpeta, extra,
                            archivos=archivos)


def escribir_paquete(modelo: keras.Model, contenido: dict, carpeta: str | Path, extra: dict | None = None,
                     *, archivos: dict[str, bytes] | None = None) -> Path:
    """Escribe un paquete del curso de forma atómica: ``modelo.keras`` y ``metadatos.json``.

    ``metadatos.json`` lleva la versión del paquete y de Keras, las sumas sha256 de
    ``modelo.keras`` y de ``contenido["vocabulario"]``, ``contenido`` (el vocabulario, la
    configuración y, en los demás tipos, su ``"tipo"``) y ``extra``. La usan ``guardar_modelo``,
    ``guardar_modelo_palabras`` y ``guardar_transformer``; ver ``guardar_modelo``. ``metadatos.json``
    lleva también la suma del resto de sus claves (``SUMA_METADATOS``) y la de cada uno de ``archivos``.
    """
    carpeta = ruta_de_argumento(carpeta, "carpeta")
    extra = {} if extra is None else extra
    if not isinstance(extra, dict) or not _cabe_en_json(extra):
        raise TypeError(
            f"extra debe ser un diccionario con claves de texto y valores que quepan en JSON (textos, números, "
            f"booleanos, None, listas y diccionarios), no {_resumir(extra)}."
        )
    if not isinstance(contenido, dict) or not isinstance(contenido.get("vocabulario"), dict) or not _cabe_en_json(contenido):
        raise TypeError(f"contenido debe ser un diccionario que quepa en JSON con la clave 'vocabulario', no {_resumir(contenido)}.")
    archivos = _comprobar_archivos(archivos)
    comprobar_destino_de_paquete(carpeta)
    with _bloqueo(carpeta):
        try:
            temporal = _preparar_guardado(carpeta)
        except OSError as error:
            raise _error_al_guardar(error, carpeta) from error
        try:
            modelo.save(temporal / ARCHIVO_MODELO)
            for nombre, datos_archivo in archivos.items():
                (temporal / nombre).write_bytes(datos_archivo)
            metadatos = {"version_paquete": VERSION_PAQUETE, "keras": keras.__version__, **contenido, "extra": extra}
            metadatos[CLAVE_SUMAS] = {
                ARCHIVO_MODELO: _sha256_de_archivo(temporal / ARCHIVO_MODELO),
                "vocabulario": _suma_vocabulario(contenido["vocabulario"]),
                SUMA_METADATOS: _suma_del_resto(metadatos),
                **{nombre: hashlib.sha256(datos_archivo).hexdigest() for nombre, datos_archivo in archivos.items()},
            }
            (temporal / ARCHIVO_METADATOS).write_text(json.dumps(metadatos, ensure_ascii=False, indent=1), encoding="utf-8")
            _reemplazar_carpeta(temporal, carpeta)
        except OSError as error:
            raise _error_al_guardar(error, carpeta, temporal) from error
        finally:
            shutil.rmtree(temporal, ignore_errors=True)
    return carpeta


def ruta_de_argumento(ruta, nombre: str) -> Path:
    """``ruta`` como ``Path`` si es un texto o una ruta; si no, ``TypeError`` en español que nombra el argumento."""
    if isinstance(ruta, bytes):
        raise TypeError(f"{nombre} debe ser una ruta (texto o pathlib.Path), no bytes: usa {nombre}.decode('utf-8').")
    if not isinstance(ruta, (str, os.PathLike)) or not str(ruta).strip():
        raise TypeError(f"{nombre} debe ser una ruta (texto o pathlib.Path) no vacía, no {_resumir(ruta)}.")
    return Path(ruta)


def _comprobar_archivos(archivos) -> dict[str, bytes]:
    """Los archivos de más de un paquete (nombre → bytes), comprobados: nombres simples que no pisan los del paquete."""
    archivos = {} if archivos is None else archivos
    if not isinstance(archivos, dict):
        raise TypeError(f"archivos debe ser un diccionario nombre → bytes, no {_resumir(archivos)}.")
    for nombre, contenido in archivos.items():
        if (not isinstance(nombre, str) or nombre in (ARCHIVO_MODELO, ARCHIVO_METADATOS) or nombre in (".", "..")
                or Path(nombre).name != nombre or nombre.startswith(".") or nombre in ("vocabulario", SUMA_METADATOS)):
            raise ValueError(f"archivos: {nombre!r} no es un nombre válido para un archivo del paquete "
                             f"(un nombre simple, sin carpetas, que no sea {ARCHIVO_MODELO} ni {ARCHIVO_METADATOS}).")
        if not isinstance(contenido, bytes):
            raise TypeError(f"archivos[{nombre!r}] debe ser bytes, no {_resumir(contenido)}.")
    return archivos


def comprobar_destino_de_paquete(carpeta: Path) -> None:
    """Antes de guardar: ``carpeta`` está libre o es un paquete del curso, y su nombre cabe con los sufijos temporales.

    Nunca se mueve ni se reemplaza un archivo de la persona, ni una carpeta que no es un paquete del curso.
    """
    for superior in [carpeta, *carpeta.parents][1:]:
        if superior.exists() and not superior.is_dir():
            raise NotADirectoryError(
                f"no se puede guardar el modelo en {carpeta.as_posix()!r}: {superior.name!r} es un archivo, no una carpeta. "
                f"Elige una ruta dentro de una carpeta."
            )
    if carpeta.is_symlink():
        raise FileExistsError(f"no se guarda el modelo en {carpeta.name!r}: es un enlace simbólico, y no se reemplaza. "
                              f"Guarda en la carpeta a la que apunta, o en otra.")
    if carpeta.exists() and not carpeta.is_dir():
        raise FileExistsError(
            f"no se guarda el modelo en {carpeta.name!r}: ya existe y es un archivo, no un paquete del curso, y no se "
            f"toca. Guarda en otra carpeta, o mueve o borra ese archivo tú."
        )
    if carpeta.is_dir():
        ajenos = sorted(p.name for p in carpeta.iterdir() if p.name not in _archivos_del_paquete(carpeta))
        if ajenos:
            raise FileExistsError(
                f"no se guarda el modelo en {carpeta.name!r}: la carpeta ya existe y no es un paquete del curso "
                f"(tiene {resumir_lista(ajenos)}), y no se toca. Guarda en otra carpeta, o vacíala tú."
            )
    maximo = _largo_maximo_de_nombre(carpeta.parent)
    temporal = f".{carpeta.name}.temporal-xxxxxxxx"
    if len(os.fsencode(temporal)) > maximo:
        raise ValueError(
            f"el nombre de la carpeta {carpeta.name[:40]!r}… es demasiado largo ({len(os.fsencode(carpeta.name))} bytes): al "
            f"guardar se le añaden sufijos temporales y el sistema admite nombres de hasta {maximo} bytes. Usa un nombre "
            f"de menos de {maximo - len(os.fsencode(temporal)) + len(os.fsencode(carpeta.name))} bytes."
        )


def _largo_maximo_de_nombre(carpeta: Path) -> int:
    """El largo máximo (en bytes) de un nombre de archivo en ``carpeta`` (255 si no se puede saber)."""
    while not carpeta.exists() and carpeta != carpeta.parent:
        carpeta = carpeta.parent
    try:
        return os.pathconf(carpeta, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _archivos_del_paquete(carpeta: Path) -> set[str]:
    """Los nombres que puede tener un paquete del curso: los dos de siempre y los que cubren sus sumas."""
    nombres = {ARCHIVO_MODELO, ARCHIVO_METADATOS, ARCHIVO_ENTRENAMIENTO, ARCHIVO_VISTAS}
    try:
        sumas = json.loads((carpeta / ARCHIVO_METADATOS).read_text(encoding="utf-8")).get(CLAVE_SUMAS, {})
        nombres |= {n for n in sumas if isinstance(n, str)}
    except (OSError, ValueError, AttributeError):
        pass
    return nombres


def resumir_lista(elementos: Sequence, primeros: int = 5) -> str:
    """Los primeros elementos separados por comas y, si hay más, cuántos faltan: «a, b, c… y 7 más»."""
    elementos = [str(e) for e in elementos]
    texto = ", ".join(elementos[:primeros])
    return texto if len(elementos) <= primeros else f"{texto}… y {len(elementos) - primeros} más"


class _bloqueo:
    """Bloqueo exclusivo (``flock``) de la carpeta que contiene el paquete mientras se guarda.

    Dos procesos que guardan en la misma carpeta a la vez se turnan en lugar de pisarse (cada uno
    borraría la carpeta temporal del otro). No deja ningún archivo: se bloquea la propia carpeta.
    Sin ``fcntl`` (Windows) no bloquea.
    """

    def __init__(self, carpeta: Path):
        self.carpeta, self.descriptor = carpeta, None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:
            return self
        try:
            self.carpeta.parent.mkdir(parents=True, exist_ok=True)
            self.descriptor = os.open(self.carpeta.parent, os.O_RDONLY)
            fcntl.flock(self.descriptor, fcntl.LOCK_EX)
        except OSError as error:
            self.__exit__()
            raise _error_al_guardar(error, self.carpeta) from error
        return self

    def __exit__(self, *_):
        if self.descriptor is not None:
            os.close(self.descriptor)  # cerrar el descriptor suelta el bloqueo
            self.descriptor = None


def _cabe_en_json(valor) -> bool:
    """``True`` si ``valor`` se guarda en JSON y vuelve igual (sin tuplas, conjuntos ni objetos)."""
    if valor is None or isinstance(valor, (str, int, float, bool)):
        return True
    if isinstance(valor, list):
        return all(_cabe_en_json(v) for v in valor)
    return isinstance(valor, dict) and all(isinstance(k, str) and _cabe_en_json(v) for k, v in valor.items())


def _resumir(valor) -> str:
    """El tipo y el valor recortado, para un mensaje de error."""
    texto = repr(valor)
    return f"{type(valor).__name__} {texto if len(texto) <= 60 else texto[:60] + '…'}"


def _sha256_de_archivo(ruta: Path) -> str:
    """Suma sha256 (en hexadecimal) de los bytes de un archivo, leído por trozos."""
    with open(ruta, "rb") as archivo:
        return hashlib.file_digest(archivo, "sha256").hexdigest()


def _suma_vocabulario(vocabulario: dict) -> str:
    """Suma sha256 de la forma canónica en JSON del vocabulario (claves ordenadas, sin espacios, UTF-8)."""
    canonico = json.dumps(vocabulario, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonico.encode("utf-8")).hexdigest()


def _suma_del_resto(metadatos: dict) -> str:
    """Suma sha256 de la forma canónica de ``metadatos.json`` sin las sumas ni el vocabulario (que tiene la suya)."""
    resto = {k: v for k, v in metadatos.items() if k not in (CLAVE_SUMAS, "vocabulario")}
    return _suma_vocabulario(resto)


def _anterior(carpeta: Path) -> Path:
    """Dónde se aparta el paquete anterior mientras se pone el nuevo: ``.NOMBRE.anterior``."""
    return carpeta.with_name(f".{carpeta.name}.anterior")


def _preparar_guardado(carpeta: Path) -> Path:
    """Deja sitio para guardar en ``carpeta`` (recupera, limpia, comprueba permisos) y crea la carpeta temporal."""
    carpeta.parent.mkdir(parents=True, exist_ok=True)
    _recuperar_anterior(carpeta)
    _limpiar_restos(carpeta)
    if carpeta.exists() and not os.access(carpeta, os.W_OK):  # no se reemplaza lo que no se puede cambiar
        raise PermissionError(errno.EACCES, "la carpeta es de solo lectura", os.fspath(carpeta))
    temporal = Path(tempfile.mkdtemp(prefix=f".{carpeta.name}.temporal-", dir=carpeta.parent))
    os.chmod(temporal, 0o755)  # mkdtemp la crea solo para su dueño (0700)
    return temporal


def _reemplazar_carpeta(nueva: Path, carpeta: Path) -> None:
    """Pone ``nueva`` en el lugar de ``carpeta``; si algo falla a medias, la anterior vuelve a su sitio."""
    anterior = _anterior(carpeta)
    if carpeta.exists():
        os.replace(carpeta, anterior)  # renombrar es atómico: la carpeta vieja sigue entera
    try:
        os.replace(nueva, carpeta)
    except BaseException:
        if anterior.exists() and not carpeta.exists():
            os.replace(anterior, carpeta)
        raise
    try:
        _borrar_carpeta(anterior)
    except OSError as error:  # el paquete nuevo ya está en su sitio: el resto se borra en el próximo guardado
        avisar(f"el modelo se guardó, pero no se pudo borrar la copia anterior {anterior.name} ({error.strerror}).")


def _paquete_completo(carpeta: Path) -> bool:
    """``True`` si la carpeta tiene ``modelo.keras`` y ``metadatos.json``."""
    return all((carpeta / archivo).is_file() for archivo in (ARCHIVO_MODELO, ARCHIVO_METADATOS))


def _recuperar_anterior(carpeta: Path) -> bool:
    """Si un guardado murió entre sus dos renombrados (falta ``carpeta`` y su ``.anterior`` está completa), la devuelve."""
    anterior = _anterior(carpeta)
    if carpeta.exists() or not _paquete_completo(anterior):
        return False
    os.replace(anterior, carpeta)
    avisar(
        f"el guardado de {carpeta.name!r} se interrumpió entre sus dos renombrados: se ha recuperado el paquete "
        f"anterior, que estaba completo en {anterior.name}. Si querías el modelo nuevo, vuelve a guardarlo."
    )
    return True


def _es_resto(ruta: Path, carpeta: Path) -> bool:
    """``True`` si ``ruta`` la dejó un guardado interrumpido de ``carpeta``.

    Son ``.NOMBRE.anterior``, las temporales ``.NOMBRE.temporal-xxxxxxxx`` y las de versiones
    anteriores del curso (``.NOMBRE.xxxxxxxx``, 8 caracteres al azar), estas solo si están a
    medias: una copia completa con un nombre así podría ser de la persona, y no se toca.
    """
    if ruta.is_symlink() or not ruta.is_dir() or not ruta.name.startswith(f".{carpeta.name}."):
        return False
    sufijo = ruta.name[len(carpeta.name) + 2 :]
    if sufijo == "anterior" or re.fullmatch(r"temporal-[a-z0-9_]{8}", sufijo):
        return True
    return bool(re.fullmatch(r"[a-z0-9_]{8}", sufijo)) and not _paquete_completo(ruta)


def _limpiar_restos(carpeta: Path) -> None:
    """Borra lo que dejaron guardados interrumpidos (ver ``_es_resto``); si uno no se puede borrar, lo nombra."""
    for resto in carpeta.parent.iterdir():
        if _es_resto(resto, carpeta):
            try:
                _borrar_carpeta(resto)
            except OSError as error:
                raise type(error)(error.errno, error.strerror, os.fspath(resto)) from error


def _borrar_carpeta(ruta: Path) -> None:
    """Borra una carpeta con su contenido; antes da permiso de escritura a ella y a sus subcarpetas.

    Sin ser root, una carpeta de solo lectura no deja borrar lo que contiene: el resto de un
    guardado en una carpeta de solo lectura se quedaría para siempre.
    """
    if not ruta.exists():
        return
    os.chmod(ruta, 0o700)
    for raiz, carpetas, _ in os.walk(ruta):
        for nombre in carpetas:
            if not os.path.islink(os.path.join(raiz, nombre)):
                os.chmod(os.path.join(raiz, nombre), 0o700)
    shutil.rmtree(ruta)


# Por qué falló un guardado, según el errno; {lugar} es la carpeta afectada.
_CAUSAS_AL_GUARDAR = {
    errno.EACCES: "no hay permiso para escribir en {lugar}",
    errno.EPERM: "no se permite cambiar {lugar} (¿está protegida contra cambios con chattr +i, o es de otro usuario?)",
    errno.EROFS: "{lugar} está en un disco de solo lectura",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.EDQUOT: "se agotó tu cuota de disco",
    errno.ENAMETOOLONG: "el nombre de {lugar} es demasiado largo para el sistema de archivos",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta",
    errno.ENOTEMPTY: "otro guardado en la misma carpeta terminó a la vez que este (¿dos procesos guardan el mismo modelo?)",
    errno.EEXIST: "otro guardado en la misma carpeta terminó a la vez que este (¿dos procesos guardan el mismo modelo?)",
}


def _error_al_guardar(error: OSError, carpeta: Path, temporal: Path | None = None) -> OSError:
    """El mismo tipo de ``OSError``, con un mensaje en español: qué falló, si el paquete anterior sigue y qué hacer.

    ``temporal`` es la carpeta temporal de este guardado, para no confundirla con un resto de otro.
    """
    ruta = Path(error.filename) if error.filename else carpeta.parent
    if ruta == carpeta:
        lugar = f"la carpeta {carpeta.name!r}"
    elif ruta != temporal and ruta.parent == carpeta.parent and _es_resto(ruta, carpeta):
        lugar = f"{ruta.name!r}, que dejó un guardado interrumpido (bórrala a mano: rm -rf {ruta.name})"
    else:
        lugar = f"la carpeta {carpeta.parent.resolve().name!r}"
    codigo = error.errno
    if codigo not in _CAUSAS_AL_GUARDAR and isinstance(error, PermissionError):
        codigo = errno.EACCES
    causa = _CAUSAS_AL_GUARDAR.get(codigo, "falló el disco al escribir en {lugar} ({detalle})")
    causa = causa.format(lugar=lugar, detalle=error.strerror or error)
    sigue = " El paquete anterior sigue intacto." if _paquete_completo(carpeta) else ""
    if codigo in (errno.ENOSPC, errno.EDQUOT):
        consejo = "Libera espacio y vuelve a guardarlo."
    elif codigo in (errno.ENOTEMPTY, errno.EEXIST):
        consejo = "Guarda desde un solo proceso a la vez, o en carpetas distintas, y vuelve a guardarlo."
    elif codigo in (errno.ENAMETOOLONG, errno.ENOTDIR):
        consejo = "Elige una ruta más corta, hecha solo de carpetas."
    else:
        consejo = ("Guarda en una carpeta en la que puedas escribir, o dale permiso de escritura (chmod u+w; si "
                   "está protegida, chattr -i).")
    return type(error)(f"no se pudo guardar el modelo en {carpeta.name!r}: {causa}.{sigue} {consejo}")


# --- 3. Comprobar y cargar un paquete: sumas, versiones, tipo y safe_mode ------------------------------
def _error_al_leer(error: OSError, carpeta: Path) -> OSError:
    """El mismo tipo de ``OSError`` al leer un paquete, con un mensaje en español y qué hacer."""
    archivo = Path(error.filename).name if error.filename else "el paquete"
    causa = "no hay permiso para leerlo" if isinstance(error, PermissionError) else error.strerror or str(error)
    return type(error)(
        f"no se pudo leer {archivo} del modelo guardado {carpeta.name!r}: {causa}. Comprueba sus permisos "
        f"(chmod -R u+r {carpeta.name}) o vuelve a copiar el paquete."
    )


def _danado(carpeta: Path, problema: str) -> ValueError:
    """El error de un ``metadatos.json`` que no se puede usar, con qué le pasa y qué hacer."""
    return ValueError(f"{ARCHIVO_METADATOS} de {carpeta.name!r} está dañado ({problema}). {PISTA_REENTRENAR}")


def _leer_json(carpeta: Path) -> dict:
    """El contenido de ``metadatos.json`` con las claves comunes a todas las versiones del paquete."""
    try:
        metadatos = json.loads((carpeta / ARCHIVO_METADATOS).read_text(encoding="utf-8"))
    except OSError as error:
        raise _error_al_leer(error, carpeta) from error
    except UnicodeDecodeError as error:
        raise _danado(carpeta, "no es texto UTF-8") from error
    except json.JSONDecodeError as error:
        raise _danado(carpeta, f"no es JSON válido: se cortó o se editó mal cerca de la línea {error.lineno}, "
                               f"columna {error.colno}") from error
    if not isinstance(metadatos, dict):
        raise _danado(carpeta, f"se esperaba un objeto JSON, no {type(metadatos).__name__}")
    for clave, tipo in (("version_paquete", int), ("keras", str), ("vocabulario", dict), ("configuracion", dict)):
        if not isinstance(metadatos.get(clave), tipo):
            raise _danado(carpeta, f"falta la clave {clave!r} o no es del tipo esperado")
    return metadatos


def _comprobar_paquete(carpeta: Path, tipo: str = TIPO_CARACTERES) -> tuple[dict, Vocabulario | None]:
    """Lee ``metadatos.json`` y comprueba tipo, versiones, sumas sha256 y vocabulario; devuelve (metadatos, vocab).

    El vocabulario de caracteres se comprueba aquí; el de otro ``tipo`` (``None``), quien lo carga.
    """
    ruta_modelo = carpeta / ARCHIVO_MODELO
    for ruta in (ruta_modelo, carpeta / ARCHIVO_METADATOS):
        if not ruta.is_file():
            raise FileNotFoundError(
                f"falta {ruta.name} en el modelo guardado {carpeta.name!r}. Vuelve a entrenar y "
                f"guardar el modelo (cuaderno 04)."
            )
    metadatos = _leer_json(carpeta)
    if metadatos.get("tipo", TIPO_CARACTERES) != tipo:
        raise ValueError(
            f"el modelo {carpeta.name!r} es un modelo de {metadatos.get('tipo', TIPO_CARACTERES)} y aquí se esperaba "
            f"uno de {tipo}: cárgalo con {_CARGADORES.get(metadatos.get('tipo'), 'utils.paquetes.cargar')}."
        )
    guardado_con = metadatos["keras"]
    if guardado_con.split(".")[0] != keras.__version__.split(".")[0]:
        raise ValueError(
            f"el modelo {carpeta.name!r} se guardó con Keras {guardado_con} y aquí hay Keras "
            f"{keras.__version__}: el formato .keras no es compatible entre versiones mayores. "
            f"Instala requirements.txt o vuelve a entrenar el modelo."
        )
    if metadatos["version_paquete"] != VERSION_PAQUETE:
        raise ValueError(
            f"el modelo {carpeta.name!r} se guardó con el formato {metadatos['version_paquete']} y este curso usa el "
            f"{VERSION_PAQUETE}. Vuelve a entrenarlo con esta versión del curso."
        )
    sumas = metadatos.get(CLAVE_SUMAS)
    if not isinstance(sumas, dict) or not all(isinstance(sumas.get(c), str) for c in (ARCHIVO_MODELO, "vocabulario")):
        raise _danado(carpeta, f"faltan las sumas sha256 ({CLAVE_SUMAS})")
    if _suma_vocabulario(metadatos["vocabulario"]) != sumas["vocabulario"]:
        raise ValueError(
            f"{ARCHIVO_METADATOS} de {carpeta.name!r}: el vocabulario no coincide con su suma sha256: se editó o se "
            f"dañó después de guardarlo, y con él el modelo traduciría otra cosa. {PISTA_REENTRENAR}"
        )
    try:
        suma_modelo = _sha256_de_archivo(ruta_modelo)
    except OSError as error:
        raise _error_al_leer(error, carpeta) from error
    if suma_modelo != sumas[ARCHIVO_MODELO]:
        raise ValueError(
            f"no se pudo cargar {ARCHIVO_MODELO} de {carpeta.name!r}: no coincide con la suma sha256 guardada en "
            f"{ARCHIVO_METADATOS}; cambió después de guardarlo (¿se copió el de otro paquete, o se dañó o se cortó "
            f"al copiarlo?). {PISTA_REENTRENAR}"
        )
    _comprobar_otras_sumas(carpeta, metadatos, sumas)
    if tipo == TIPO_CARACTERES:
        _comprobar_configuracion(carpeta, metadatos["configuracion"])
    if tipo != TIPO_CARACTERES:
        return metadatos, None
    try:
        vocab = Vocabulario.desde_diccionario(metadatos["vocabulario"])
    except ValueError as error:
        raise _danado(carpeta, str(error)) from error
    return metadatos, vocab


def _comprobar_otras_sumas(carpeta: Path, metadatos: dict, sumas: dict) -> None:
    """La suma del resto de ``metadatos.json`` y la de cada otro archivo del paquete (los paquetes de antes no las tienen)."""
    if SUMA_METADATOS in sumas and _suma_del_resto(metadatos) != sumas[SUMA_METADATOS]:
        raise ValueError(
            f"{ARCHIVO_METADATOS} de {carpeta.name!r}: la configuración o los demás datos no coinciden con su suma "
            f"sha256: se editaron o se dañaron después de guardarlo. {PISTA_REENTRENAR}"
        )
    for nombre, suma in sumas.items():
        if nombre in (ARCHIVO_MODELO, "vocabulario", SUMA_METADATOS):
            continue
        if not isinstance(nombre, str) or Path(nombre).name != nombre or not isinstance(suma, str):
            raise _danado(carpeta, f"la suma de {nombre!r} no es válida")
        ruta = carpeta / nombre
        if not ruta.is_file():
            raise FileNotFoundError(f"falta {nombre} en el modelo guardado {carpeta.name!r} (su suma está en "
                                    f"{ARCHIVO_METADATOS}). {PISTA_REENTRENAR}")
        try:
            if _sha256_de_archivo(ruta) != suma:
                raise ValueError(f"{nombre} de {carpeta.name!r} no coincide con la suma sha256 guardada en "
                                 f"{ARCHIVO_METADATOS}: cambió después de guardarlo (los archivos del paquete están dañados, "
                                 f"cortados o mezclados con los de otro). {PISTA_REENTRENAR}")
        except OSError as error:
            raise _error_al_leer(error, carpeta) from error


def _comprobar_configuracion(carpeta: Path, configuracion: dict) -> None:
    """La configuración de un paquete de caracteres: ``latent_dim`` y, si están, los campos de ``Configuracion`` con su tipo."""
    tipos = {"int": int, "float": (int, float), "str": str, "bool": bool}
    if not isinstance(configuracion.get("latent_dim"), int) or isinstance(configuracion["latent_dim"], bool) \
            or configuracion["latent_dim"] < 1:
        raise _danado(carpeta, "la configuración no tiene 'latent_dim' (un entero positivo)")
    for nombre, campo in Configuracion.__dataclass_fields__.items():
        tipo = tipos.get(str(campo.type).split(" ")[0])
        valor = configuracion.get(nombre)
        if nombre in configuracion and tipo is not None and (not isinstance(valor, tipo) or
                                                             (isinstance(valor, bool) and tipo is not bool)):
            raise _danado(carpeta, f"en la configuración, {nombre!r} debería ser {str(campo.type)} y es {_resumir(valor)}")


def leer_metadatos(carpeta: str | Path) -> dict:
    """Los metadatos de un paquete de ``guardar_modelo``, comprobados, sin cargar el modelo.

    Comprueba lo mismo que ``cargar_modelo`` salvo el propio ``.keras``: versiones, sumas sha256
    y vocabulario. Devuelve el diccionario de ``metadatos.json`` (``vocabulario``,
    ``configuracion``, ``extra``… y cualquier clave que añadan versiones futuras del curso).
    """
    return _comprobar_paquete(_carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta")))[0]


def _carpeta_del_paquete(carpeta: Path) -> Path:
    """La carpeta del paquete (recuperada si un guardado murió entre sus dos renombrados) o ``FileNotFoundError``."""
    if not carpeta.exists() and _paquete_completo(_anterior(carpeta)):
        try:
            _recuperar_anterior(carpeta)
        except OSError as error:  # sin permiso para renombrarla: se carga desde donde está
            avisar(
                f"el guardado de {carpeta.name!r} se interrumpió entre sus dos renombrados y no se pudo devolver "
                f"el paquete anterior a su sitio ({error.strerror}): se carga desde {_anterior(carpeta).name}."
            )
            return _anterior(carpeta)
    if not carpeta.is_dir():
        raise FileNotFoundError(
            f"no existe la carpeta del modelo guardado {carpeta.name!r}. Entrena y guarda el modelo "
            f"(cuaderno 04) o comprueba la ruta."
        )
    return carpeta


def cargar_modelo(carpeta: str | Path) -> tuple[keras.Model, Vocabulario, dict]:
    """Carga un paquete de ``guardar_modelo`` (con ``safe_mode``) y comprueba que sus partes encajan.

    Antes de cargar comprueba las sumas sha256 de ``modelo.keras`` y del vocabulario, y que el
    vocabulario es coherente: un paquete editado a mano, dañado o mezclado con otro se rechaza
    en lugar de traducir otra cosa en silencio. Devuelve ``(modelo, vocab, configuracion)``;
    lanza ``FileNotFoundError`` o ``ValueError`` con un mensaje en español si falta algo o las
    piezas no corresponden entre sí.
    """
    modelo, vocab, metadatos = _cargar_caracteres(carpeta)
    return modelo, vocab, dict(metadatos["configuracion"])


def _cargar_caracteres(carpeta: str | Path) -> tuple[keras.Model, Vocabulario, dict]:
    """Lo que hace ``cargar_modelo``, pero devuelve todos los metadatos comprobados en lugar de la configuración."""
    carpeta = _carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta"))
    metadatos, vocab = _comprobar_paquete(carpeta)
    modelo = _cargar_keras(carpeta)
    if _tamanos_de_caracteres(modelo) != (vocab.num_encoder_tokens, vocab.num_decoder_tokens):
        raise ValueError(
            f"el modelo y el vocabulario de {carpeta.name!r} no corresponden: el modelo espera "
            f"{_tamanos_de_caracteres(modelo)} caracteres (entrada, salida) y el vocabulario tiene "
            f"({vocab.num_encoder_tokens}, {vocab.num_decoder_tokens}). Vuelve a guardar ambos juntos."
        )
    return modelo, vocab, metadatos


def _cargar_keras(carpeta: Path) -> keras.Model:
    """``modelo.keras`` de un paquete ya comprobado, con ``safe_mode``; ``ValueError`` en español si no se carga.

    Importa antes ``utils.modelos``, que registra las capas propias de los modelos de caracteres
    (``CapaOneHot``, ``exactitud_sin_relleno``): sin ellas, ``safe_mode`` no reconstruye el modelo.
    """
    import utils.modelos  # noqa: F401

    ruta_modelo = carpeta / ARCHIVO_MODELO
    try:
        return keras.saving.load_model(ruta_modelo, safe_mode=True)
    except Exception as error:  # zip dañado, capas desconocidas, archivo truncado…
        raise ValueError(f"no se pudo cargar {ruta_modelo.name} de {carpeta.name!r}: {_causa_de_keras(error)}") from error


def _causa_de_keras(error: Exception) -> str:
    """Por qué Keras no cargó un ``.keras``, en español, con el detalle original recortado al final."""
    texto = str(error)
    clase = re.search(r"Could not locate (?:class|function) '([^']+)'", texto)
    if clase:
        causa = (f"usa la clase o función {clase.group(1)!r}, que no está registrada aquí (una capa propia que Keras "
                 f"no conoce). Importa antes el módulo que la define (las del curso están en utils/, p. ej. "
                 f"«import utils.atencion»), o vuelve a guardar el modelo solo con capas del curso")
    elif "Lambda" in texto or "safe_mode" in texto:
        causa = ("tiene código de Python (una capa Lambda), que por seguridad no se carga con safe_mode=True. Usa capas "
                 "del curso en lugar de Lambda y vuelve a guardarlo")
    elif isinstance(error, (OSError, EOFError)) or "zip" in texto.lower() or "h5" in texto.lower():
        causa = "el archivo está dañado o cortado, o no es un .keras"
    else:
        causa = f"Keras no pudo reconstruir el modelo ({type(error).__name__})"
    detalle = texto if len(texto) <= 200 else texto[:200] + "…"
    return f"{causa}. {PISTA_REENTRENAR} (Detalle de Keras, en inglés: {detalle})"


def cargar_paquete(carpeta: str | Path, tipo: str) -> tuple[keras.Model, dict]:
    """El modelo y los metadatos comprobados (sumas, versiones, tipo) de un paquete de otro ``tipo``.

    Lo usan ``cargar_modelo_palabras`` y ``cargar_transformer`` (a través de ``_cargar_en_su_precision``),
    que comprueban después su propio vocabulario o tokenizador.
    """
    carpeta = _carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta"))
    metadatos, _ = _comprobar_paquete(carpeta, tipo)
    return _cargar_keras(carpeta), metadatos


# --- 4. Pesos en media precisión (float16): la mitad de bytes en disco ---------------------------------
@contextlib.contextmanager
def _politica(precision: str):
    """Mientras dura, los modelos y capas que se crean toman la política de precisión ``precision``."""
    anterior = keras.config.dtype_policy()
    keras.config.set_dtype_policy(precision)
    try:
        yield
    finally:
        keras.config.set_dtype_policy(anterior)


def _copia_en_precision(modelo: keras.Model, construir: Callable[[], keras.Model], precision: str) -> keras.Model:
    """Un modelo limpio (sin optimizador) de ``construir()``, creado con la política ``precision``, con los pesos de ``modelo``.

    Al guardar en float16 se copian los pesos redondeados a un modelo creado en float16; al cargar, los
    pesos del paquete a uno creado en float32, el que se usa para traducir. Lo comparten los paquetes de
    palabras y los del Transformer.
    """
    with _politica(precision):
        copia = construir()
    copia.set_weights([np.asarray(p, dtype=precision) for p in modelo.get_weights()])
    return copia


def _comprobar_precision(precision) -> None:
    if precision not in ("float32", "float16"):
        raise ValueError(f"precision debe ser 'float32' o 'float16', no {precision!r}.")


def _configuracion_sin_comprobar(carpeta: Path) -> dict:
    """La configuración de ``metadatos.json`` tal cual (``{}`` si no se puede leer), para saber cómo cargar el paquete.

    No se fía de ella para nada más: ``cargar_paquete`` comprueba después sumas, versiones y tipo.
    """
    try:
        configuracion = json.loads((carpeta / ARCHIVO_METADATOS).read_text(encoding="utf-8"))["configuracion"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return configuracion if isinstance(configuracion, dict) else {}


def _cargar_en_su_precision(carpeta: str | Path, tipo: str) -> tuple[keras.Model, dict]:
    """``cargar_paquete`` con la política de precisión con la que se guardó el paquete (float16 o float32).

    Las subcapas de un modelo toman la política global al crearse: un paquete en float16 se carga con
    ella y el que llama copia sus pesos a un modelo en float32 (``_copia_en_precision``).
    """
    carpeta = _carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta"))
    precision = "float16" if _configuracion_sin_comprobar(carpeta).get("precision") == "float16" else "float32"
    with _politica(precision):
        return cargar_paquete(carpeta, tipo)


# --- 5. El paquete de palabras, con o sin atención (cuadernos 08 y 09) -------------------------------
def tamanos_del_modelo(modelo) -> dict:
    """Vocabularios, tamaño del *embedding*, unidades, capas y si tiene atención (modelos de los cuadernos 08 y 09)."""
    from utils.palabras import numero_de_capas

    try:
        tamanos = {"num_encoder_tokens": modelo.get_layer("encoder_embedding").input_dim,
                   "num_decoder_tokens": modelo.get_layer("decoder_dense").units,
                   "embedding_dim": modelo.get_layer("encoder_embedding").output_dim,
                   "unidades": modelo.get_layer("decoder_gru_1").units, "capas": numero_de_capas(modelo)}
    except ValueError as error:
        raise ValueError("el modelo no tiene las capas con nombre del modelo de palabras (encoder_embedding, "
                         "decoder_gru_1, decoder_dense…): constrúyelo con construir_modelo_palabras.") from error
    if any(capa.name == "atencion" for capa in modelo.layers):
        tamanos["atencion"] = True
    if any(capa.name == "atencion_concatenar_2" for capa in modelo.layers):
        tamanos["contexto_en_capas"] = True
    if tamanos.get("atencion") and not modelo.get_layer("encoder_gru_1").return_state:
        tamanos["estado_inicial"] = False
    if tamanos.get("atencion") and isinstance(modelo.get_layer("encoder_gru_1"), keras.layers.Bidirectional):
        tamanos["bidireccional"] = True
    return tamanos


def _reconstruir(configuracion: dict) -> keras.Model:
    """Un modelo de palabras nuevo (sin *dropout*) con los tamaños de ``tamanos_del_modelo``, con o sin atención."""
    from utils.palabras import construir_modelo_palabras

    argumentos = [configuracion[k] for k in ("num_encoder_tokens", "num_decoder_tokens", "embedding_dim", "unidades", "capas")]
    if configuracion.get("atencion"):
        from utils.atencion import construir_modelo_palabras_atencion

        return construir_modelo_palabras_atencion(*argumentos, contexto_en_capas=bool(configuracion.get("contexto_en_capas")),
                                                  estado_inicial=configuracion.get("estado_inicial", True) is not False,
                                                  bidireccional=configuracion.get("bidireccional") is True)
    return construir_modelo_palabras(*argumentos)


def guardar_modelo_palabras(modelo, vocab, carpeta: str | Path, extra: dict | None = None,
                            precision: str = "float32", frases_vistas: Sequence[str] = ()) -> Path:
    """Guarda el modelo y su vocabulario como paquete del curso (atómico, con sumas sha256, sin optimizador).

    Se explica en 08_modelo_de_palabras_con_gru. Es el formato de ``guardar_modelo`` con
    ``"tipo": "palabras"`` en ``metadatos.json``, que es lo que mira ``benchmarks/calidad.py``; sirve
    también para el modelo con atención del cuaderno 09 (``"atencion": true`` en la configuración).
    ``vocab`` es un ``palabras.VocabularioPalabras``; ``extra``: diccionario libre (tamaños, partición,
    tiempos…). Con ``precision="float16"`` los pesos se guardan en media precisión (la mitad de bytes) y
    ``cargar_modelo_palabras`` los devuelve a float32. ``frases_vistas``: las frases inglesas del
    entrenamiento, de las que se guardan solo las huellas (como en ``guardar_transformer``).
    """
    configuracion = tamanos_del_modelo(modelo)
    tamanos = (configuracion["num_encoder_tokens"], configuracion["num_decoder_tokens"])
    if tamanos != (vocab.num_encoder_tokens, vocab.num_decoder_tokens):
        raise ValueError(f"el modelo espera {tamanos} palabras (inglés, francés) y el vocabulario tiene "
                         f"({vocab.num_encoder_tokens}, {vocab.num_decoder_tokens}). Guarda el vocabulario con el que se entrenó.")
    _comprobar_precision(precision)
    # Siempre una copia limpia: sin optimizador ni *dropout* (el paquete es para traducir).
    modelo = _copia_en_precision(modelo, lambda: _reconstruir(configuracion), precision)
    if precision == "float16":
        configuracion = {**configuracion, "precision": precision}
    contenido = {"tipo": TIPO_PALABRAS, "vocabulario": vocab.a_diccionario(), "configuracion": configuracion}
    return escribir_paquete(modelo, contenido, carpeta, extra, archivos=_archivo_de_vistas(frases_vistas))


def cargar_modelo_palabras(carpeta: str | Path) -> tuple:
    """Carga un paquete de ``guardar_modelo_palabras``: ``(modelo, vocab, metadatos)``, comprobados.

    Se explica en 08_modelo_de_palabras_con_gru. Comprueba sumas, versión de Keras y que el modelo y
    el vocabulario corresponden; los errores dicen en español qué falla y qué hacer. Un paquete
    guardado en float16 vuelve en float32 (sin *dropout*: listo para traducir). El de un modelo con
    atención (cuaderno 09) importa antes ``utils.atencion``, que registra su capa.
    """
    from utils.palabras import VocabularioPalabras

    carpeta = _carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta"))
    if _configuracion_sin_comprobar(carpeta).get("atencion"):
        import utils.atencion  # noqa: F401
    modelo, metadatos = _cargar_en_su_precision(carpeta, TIPO_PALABRAS)
    try:
        vocab = VocabularioPalabras.desde_diccionario(metadatos["vocabulario"])
    except ValueError as error:
        raise ValueError(f"metadatos.json de {carpeta.name!r} está dañado ({error}). Vuelve a guardar el modelo.") from error
    tamanos = tamanos_del_modelo(modelo)
    if (tamanos["num_encoder_tokens"], tamanos["num_decoder_tokens"]) != (vocab.num_encoder_tokens, vocab.num_decoder_tokens):
        raise ValueError(f"el modelo y el vocabulario de {carpeta.name!r} no corresponden: vuelve a guardarlos juntos.")
    if metadatos["configuracion"].get("precision") == "float16":
        modelo = _copia_en_precision(modelo, lambda: _reconstruir(tamanos), "float32")
    return modelo, vocab, metadatos


# --- 6. El paquete del Transformer (cuaderno 10) ------------------------------------------------------
def guardar_transformer(modelo: keras.Model, tokenizador, carpeta: str | Path, extra: dict | None = None,
                        precision: str = "float16", frases_vistas: Sequence[str] = ()) -> Path:
    """Guarda modelo y tokenizador como paquete del curso (atómico, sumas sha256, sin optimizador).

    Se explica en 10_transformer_subpalabras. ``tokenizador`` es un ``transformer.Tokenizador``. Con
    ``precision="float16"`` los pesos se guardan en media precisión (la mitad de bytes) y
    ``cargar_transformer`` los devuelve a float32; lo que cuesta en calidad se mide en el README.
    ``frases_vistas``: las frases inglesas del entrenamiento, de las que se guardan solo las huellas
    (``frases_vistas.npy``), para medir después con cualquier corpus solo frases que el modelo no vio.
    """
    from utils.transformer import construir_transformer, tamanos_del_transformer

    tamanos = tamanos_del_transformer(modelo)
    if tamanos["num_tokens"] != tokenizador.tamano:
        raise ValueError(f"el modelo espera {tamanos['num_tokens']} tokens y el tokenizador tiene {tokenizador.tamano}: "
                         "guarda el tokenizador con el que se entrenó.")
    _comprobar_precision(precision)
    limpio = _copia_en_precision(modelo, lambda: construir_transformer(**tamanos), precision)
    contenido = {"tipo": TIPO_TRANSFORMER, "vocabulario": tokenizador.a_diccionario(),
                 "configuracion": {**tamanos, "precision": precision}}
    archivos = None
    return escribir_paquete(limpio, contenido, carpeta, extra, archivos=_archivo_de_vistas(frases_vistas))


def _archivo_de_vistas(frases_vistas: Sequence[str]) -> dict[str, bytes] | None:
    """``{frases_vistas.npy: bytes}`` con las huellas de las frases de entrenamiento (``None`` si no hay)."""
    if not frases_vistas:
        return None
    memoria = io.BytesIO()
    np.save(memoria, np.unique(np.array([huella(f) for f in frases_vistas], dtype=np.uint64)), allow_pickle=False)
    return {ARCHIVO_VISTAS: memoria.getvalue()}


def huellas_vistas(carpeta: str | Path) -> np.ndarray | None:
    """Las huellas (ordenadas) de las frases inglesas con las que se entrenó un paquete, o ``None`` si no las guarda.

    Las guardan el Transformer y el preentrenado de caracteres. Léelas después de cargar el paquete
    (``cargar_transformer``, ``cargar_modelo``), que comprueba su suma sha256.
    """
    ruta = Path(carpeta) / ARCHIVO_VISTAS
    if not ruta.is_file():
        return None
    huellas = np.load(ruta, allow_pickle=False)
    if huellas.dtype != np.uint64 or huellas.ndim != 1:
        raise ValueError(f"{ARCHIVO_VISTAS} de {Path(carpeta).name!r} debería ser un vector de uint64: vuelve a guardar el modelo.")
    return np.sort(huellas)


def vio(huellas: np.ndarray | None, frase: str) -> bool:
    """``True`` si ``frase`` está entre las huellas de entrenamiento (``huellas_vistas``)."""
    if huellas is None or not len(huellas):
        return False
    i = np.searchsorted(huellas, np.uint64(huella(frase)))
    return bool(i < len(huellas) and huellas[i] == np.uint64(huella(frase)))


def cargar_transformer(carpeta: str | Path) -> tuple:
    """Carga un paquete de ``guardar_transformer``: ``(modelo en float32, tokenizador, metadatos)``, comprobados."""
    from utils.transformer import Tokenizador, construir_transformer, tamanos_del_transformer

    carpeta = ruta_de_argumento(carpeta, "carpeta")
    guardado, metadatos = _cargar_en_su_precision(carpeta, TIPO_TRANSFORMER)
    try:
        tokenizador = Tokenizador.desde_diccionario(metadatos["vocabulario"])
        tamanos = tamanos_del_transformer(guardado)
    except (ValueError, KeyError) as error:
        raise ValueError(f"el paquete {carpeta.name!r} está dañado ({error}). Vuelve a guardar el modelo.") from error
    if tamanos["num_tokens"] != tokenizador.tamano:
        raise ValueError(f"el modelo y el tokenizador de {carpeta.name!r} no corresponden: vuelve a guardarlos juntos.")
    return _copia_en_precision(guardado, lambda: construir_transformer(**tamanos), "float32"), tokenizador, metadatos


# --- 7. Cualquier paquete, por su tipo ------------------------------------------------------------------
def tipo_de_paquete(carpeta: str | Path) -> str:
    """El ``"tipo"`` de ``metadatos.json`` del paquete (``"caracteres"`` si no lo dice o no se puede leer: la
    carga normal dará el error en español)."""
    try:
        metadatos = json.loads((Path(carpeta) / ARCHIVO_METADATOS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return TIPO_CARACTERES
    tipo = metadatos.get("tipo", TIPO_CARACTERES) if isinstance(metadatos, dict) else TIPO_CARACTERES
    return tipo if isinstance(tipo, str) else TIPO_CARACTERES


@dataclass
class Paquete:
    """Un paquete del curso cargado por ``cargar``: el modelo, con qué lee y escribe, sus metadatos y su tipo."""

    modelo: keras.Model
    vocab: object  # Vocabulario (caracteres), palabras.VocabularioPalabras (palabras) o transformer.Tokenizador
    metadatos: dict  # el contenido comprobado de metadatos.json: configuracion, extra, sumas…
    tipo: str  # TIPO_CARACTERES, TIPO_PALABRAS o TIPO_TRANSFORMER

    @property
    def atencion(self) -> bool:
        """``True`` si es el modelo de palabras con atención del cuaderno 09."""
        return bool(self.metadatos.get("configuracion", {}).get("atencion"))


# Con qué se carga cada tipo de paquete: (modelo, vocabulario o tokenizador, metadatos).
_FUNCIONES_DE_CARGA: dict[str, Callable] = {TIPO_CARACTERES: _cargar_caracteres, TIPO_PALABRAS: cargar_modelo_palabras,
                                             TIPO_TRANSFORMER: cargar_transformer}


def cargar(carpeta: str | Path) -> Paquete:
    """Carga cualquier paquete del curso según su ``"tipo"``, con las comprobaciones de su función de carga.

    Devuelve un ``Paquete``. Un tipo que este curso no conoce (p. ej. de una versión más nueva) da un
    ``ValueError`` en español que dice cuáles conoce.
    """
    carpeta = _carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta"))
    tipo = tipo_de_paquete(carpeta)
    if tipo not in _FUNCIONES_DE_CARGA:
        raise ValueError(
            f"el paquete {carpeta.name!r} es de tipo {tipo!r} (la clave 'tipo' de {ARCHIVO_METADATOS}) y este curso sabe cargar "
            f"los de tipo {resumir_lista(sorted(_FUNCIONES_DE_CARGA))}: ¿se guardó con una versión más nueva del curso? "
            f"Actualiza el curso o vuelve a guardar el modelo con esta versión."
        )
    modelo, vocab, metadatos = _FUNCIONES_DE_CARGA[tipo](carpeta)
    return Paquete(modelo, vocab, metadatos, tipo)
