"""Etapa de modelos: el modelo de entrenamiento, la receta que aprende, los de inferencia y su guardado.

- ``construir_modelo_entrenamiento`` y la receta clásica (``entrenar_clasico``) se enseñan en
  ``03_modelo_de_entrenamiento``.
- La receta que aprende (``CapaOneHot``, ``construir_modelo_ligero``, ``LotesPorLongitud``,
  ``compilar_receta``, ``entrenar_modelo``) se enseña en ``04_una_receta_que_aprende``.
- ``construir_modelos_inferencia`` se enseña en ``05_modelos_de_inferencia``.

Las capas llevan nombre para que los modelos de inferencia las encuentren por nombre, también
tras ``load_model``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import keras
import numpy as np
from keras import layers

from utils.configuracion import DIR_MODELOS, DIR_PREENTRENADO, Configuracion, avisar, fijar_semillas
from utils.datos import (
    CORPUS_CURSO,
    ID_RELLENO,
    DatosIds,
    DatosVectorizados,
    Vocabulario,
    agrupar_por_longitud,
    agregar_tokens,
    huella,
    ids_a_one_hot,
    leer_pares,
    longitudes_sin_relleno,
    pares_utilizables,
    preparar_ids,
    vectorizar_one_hot,
)

ARCHIVO_MODELO = "modelo.keras"
ARCHIVO_METADATOS = "metadatos.json"
VERSION_PAQUETE = 2  # cambia si cambia el formato del paquete guardado (2: con sumas sha256)
CLAVE_SUMAS = "sumas_sha256"  # en metadatos.json: la de modelo.keras, la del vocabulario, la del resto y las de los demás archivos
SUMA_METADATOS = "metadatos"  # en CLAVE_SUMAS: la del resto de metadatos.json (configuración, extra, tipo…)
# Qué modelo guarda un paquete: "tipo" en metadatos.json (si falta, de caracteres) y con qué se carga.
TIPO_CARACTERES = "caracteres"
_CARGADORES = {TIPO_CARACTERES: "utils.modelos.cargar_modelo", "palabras": "utils.palabras.cargar_modelo_palabras (cuaderno 08)"}
# Lo que se propone hacer cuando un paquete guardado no pasa las comprobaciones. Es un texto
# aparte para poder completarlo (p. ej. con la orden que reentrena un modelo del curso).
PISTA_REENTRENAR = "Vuelve a guardar el modelo con guardar_modelo o, si ya no lo tienes, vuelve a entrenarlo (cuaderno 04)."


def construir_modelo_entrenamiento(
    num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int, enmascarar: bool = False
) -> keras.Model:
    """Modelo funcional clásico: LSTM codificador → estados → LSTM decodificador → softmax.

    Con ``enmascarar=True`` una capa ``Masking`` (``encoder_mascara``) hace que el codificador salte
    las filas de ceros del relleno: su estado final es el del último carácter real (cuaderno 04).
    """
    encoder_inputs = keras.Input(shape=(None, num_encoder_tokens), name="encoder_inputs")
    x = layers.Masking(mask_value=0.0, name="encoder_mascara")(encoder_inputs) if enmascarar else encoder_inputs
    _, state_h, state_c = layers.LSTM(latent_dim, return_state=True, name="encoder_lstm")(x)
    encoder_states = [state_h, state_c]  # se descarta la salida: solo interesa el contexto

    decoder_inputs = keras.Input(shape=(None, num_decoder_tokens), name="decoder_inputs")
    decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True, name="decoder_lstm")
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
    decoder_outputs = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")(decoder_outputs)
    return keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name="seq2seq_entrenamiento")


def construir_modelos_inferencia(modelo: keras.Model) -> tuple[keras.Model, keras.Model]:
    """Codificador (entrada → h, c) y decodificador (carácter + h, c → probabilidades + h, c).

    Reutiliza las capas entrenadas buscándolas por nombre y crea entradas nuevas con nombre
    propio, así que funciona igual justo tras entrenar que tras ``keras.saving.load_model``. Las
    dos entradas son *one-hot*, también para el modelo ligero; si el codificador se entrenó
    enmascarado, el de inferencia lleva una ``Masking`` que salta las filas de ceros del relleno.
    Un modelo con atención (cuaderno 09) da un error que dice qué usar.
    """
    if any(capa.name == "atencion" for capa in modelo.layers):  # sin atención traduciría otra cosa, en silencio
        raise ValueError("este modelo tiene atención: sus modelos de inferencia salen de "
                         "utils.atencion.construir_modelos_inferencia_atencion (cuaderno 09).")
    encoder_lstm = modelo.get_layer("encoder_lstm")
    decoder_lstm = modelo.get_layer("decoder_lstm")
    decoder_dense = modelo.get_layer("decoder_dense")
    num_encoder_tokens = modelo.get_layer("encoder_inputs").output.shape[-1]
    num_decoder_tokens = modelo.get_layer("decoder_inputs").output.shape[-1]
    latent_dim = decoder_lstm.units

    encoder_inputs = keras.Input(shape=(None, num_encoder_tokens), name="encoder_inputs")
    x = encoder_inputs
    if codificador_enmascarado(modelo):  # el mismo salto del relleno que al entrenar
        x = layers.Masking(mask_value=0.0, name="encoder_mascara")(encoder_inputs)
    _, state_h, state_c = encoder_lstm(x)
    encoder_model = keras.Model(encoder_inputs, [state_h, state_c], name="codificador_inferencia")

    decoder_inputs = keras.Input(shape=(None, num_decoder_tokens), name="decoder_inputs")
    decoder_state_h = keras.Input(shape=(latent_dim,), name="decoder_state_h")
    decoder_state_c = keras.Input(shape=(latent_dim,), name="decoder_state_c")
    decoder_outputs, new_h, new_c = decoder_lstm(decoder_inputs, initial_state=[decoder_state_h, decoder_state_c])
    decoder_outputs = decoder_dense(decoder_outputs)
    decoder_model = keras.Model(
        [decoder_inputs, decoder_state_h, decoder_state_c], [decoder_outputs, new_h, new_c],
        name="decodificador_inferencia",
    )
    return encoder_model, decoder_model


def codificador_enmascarado(modelo: keras.Model) -> bool:
    """``True`` si el codificador del modelo salta el relleno (``Masking`` o ``CapaOneHot(enmascarar=True)``)."""
    nombres = {capa.name for capa in modelo.layers}
    if "encoder_mascara" in nombres:
        return True
    return "encoder_inputs" in nombres and bool(getattr(modelo.get_layer("encoder_inputs"), "enmascarar", False))


def _tamanos_del_modelo(modelo: keras.Model) -> tuple[int, int]:
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
    *, archivos: dict[str, bytes] | None = None,
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
    paquete, dentro del mismo guardado atómico y con su suma (p. ej. ``entrenamiento.json``). Devuelve la carpeta.

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
    entrada, salida = _tamanos_del_modelo(modelo)
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
    return escribir_paquete(modelo, {"vocabulario": vocab.a_diccionario(), "configuracion": configuracion}, carpeta, extra,
                            archivos=archivos)


def escribir_paquete(modelo: keras.Model, contenido: dict, carpeta: str | Path, extra: dict | None = None,
                     *, archivos: dict[str, bytes] | None = None) -> Path:
    """Escribe un paquete del curso de forma atómica: ``modelo.keras`` y ``metadatos.json``.

    ``metadatos.json`` lleva la versión del paquete y de Keras, las sumas sha256 de
    ``modelo.keras`` y de ``contenido["vocabulario"]``, ``contenido`` (el vocabulario, la
    configuración y, en los modelos de palabras, ``"tipo": "palabras"``) y ``extra``. La usan
    ``guardar_modelo`` y ``palabras.guardar_modelo_palabras``; ver ``guardar_modelo``. ``metadatos.json``
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
            f"uno de {tipo}: cárgalo con {_CARGADORES.get(metadatos.get('tipo'), 'utils.modelos.cargar_modelo')}."
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
    carpeta = _carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta"))
    metadatos, vocab = _comprobar_paquete(carpeta)
    modelo = _cargar_keras(carpeta)
    if _tamanos_del_modelo(modelo) != (vocab.num_encoder_tokens, vocab.num_decoder_tokens):
        raise ValueError(
            f"el modelo y el vocabulario de {carpeta.name!r} no corresponden: el modelo espera "
            f"{_tamanos_del_modelo(modelo)} caracteres (entrada, salida) y el vocabulario tiene "
            f"({vocab.num_encoder_tokens}, {vocab.num_decoder_tokens}). Vuelve a guardar ambos juntos."
        )
    return modelo, vocab, dict(metadatos["configuracion"])


def _cargar_keras(carpeta: Path) -> keras.Model:
    """``modelo.keras`` de un paquete ya comprobado, con ``safe_mode``; ``ValueError`` en español si no se carga."""
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

    Lo usa ``palabras.cargar_modelo_palabras``, que comprueba después su propio vocabulario.
    """
    carpeta = _carpeta_del_paquete(ruta_de_argumento(carpeta, "carpeta"))
    metadatos, _ = _comprobar_paquete(carpeta, tipo)
    return _cargar_keras(carpeta), metadatos


def contar_parametros_lstm(units: int, input_dim: int) -> int:
    """Parámetros de una LSTM: 4 puertas × (pesos de entrada + recurrentes + sesgo)."""
    return 4 * (units * (input_dim + units) + units)


@keras.saving.register_keras_serializable(package="seq2seq")
def exactitud_sin_relleno(y_true, y_pred):
    """Exactitud por carácter que ignora las posiciones de relleno.

    ``y_true`` puede ser *one-hot* (el relleno son filas de ceros, cuaderno 03) o de enteros
    (el relleno es ``ID_RELLENO``, cuaderno 04).
    """
    if len(y_true.shape) == len(y_pred.shape):  # one-hot
        mascara = keras.ops.cast(keras.ops.sum(y_true, axis=-1) > 0, "float32")
        correctos = keras.ops.argmax(y_true, axis=-1)
    else:  # enteros
        mascara = keras.ops.cast(keras.ops.not_equal(y_true, ID_RELLENO), "float32")
        correctos = keras.ops.cast(y_true, "int32")
    aciertos = keras.ops.cast(
        keras.ops.equal(keras.ops.cast(correctos, "int32"), keras.ops.cast(keras.ops.argmax(y_pred, axis=-1), "int32")),
        "float32",
    )
    return keras.ops.sum(aciertos * mascara) / keras.ops.maximum(keras.ops.sum(mascara), 1.0)


def indices_de_validacion(input_texts: Sequence[str], fraccion: float, semilla: int) -> tuple[np.ndarray, np.ndarray]:
    """Partición aleatoria y reproducible en entrenamiento y validación, **por frase inglesa**.

    El archivo está ordenado por longitud: ``validation_split`` de Keras tomaría solo las
    frases más largas. Aquí se barajan con una semilla fija las frases inglesas distintas, y
    todos los pares de una misma frase (Tatoeba da a veces varias traducciones) van a la misma
    parte: la validación solo tiene frases que el modelo nunca leyó al entrenar.
    """
    if not 0 < fraccion < 1:
        raise ValueError(f"la fracción de validación debe estar entre 0 y 1, no {fraccion}.")
    if isinstance(input_texts, (int, np.integer)) or isinstance(input_texts, str):
        raise TypeError(
            "indices_de_validacion necesita la lista de frases inglesas (input_texts), no "
            f"{type(input_texts).__name__}: así agrupa los pares de una misma frase."
        )
    distintas = sorted(set(input_texts))
    if len(distintas) < 2:
        raise ValueError("hacen falta al menos dos frases inglesas distintas para separar una validación.")
    orden = np.random.default_rng(semilla).permutation(len(distintas))
    corte = min(max(int(round(len(distintas) * (1 - fraccion))), 1), len(distintas) - 1)
    de_validacion = {distintas[i] for i in orden[corte:]}
    en_validacion = np.array([texto in de_validacion for texto in input_texts])
    return np.flatnonzero(~en_validacion), np.flatnonzero(en_validacion)


TASA_CLASICA = 0.001  # la tasa por defecto de RMSprop: la receta clásica del blog de Keras (2017)


def entrenar_clasico(datos: DatosVectorizados, config: Configuracion, verbose: int = 2) -> tuple[keras.Model, dict]:
    """La receta clásica del cuaderno 03: *one-hot*, RMSprop(0.001), entropía categórica, parada temprana.

    Es la receta del curso original, conservada para compararla (cuaderno 04 explica por qué
    aprende tan despacio en Keras 3). Fija las semillas al empezar.
    """
    fijar_semillas(config.semilla)
    vocab = datos.vocab
    modelo = construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, config.latent_dim)
    modelo.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=TASA_CLASICA),
        loss="categorical_crossentropy",
        metrics=["accuracy", exactitud_sin_relleno],
    )
    entrenamiento, validacion = indices_de_validacion(datos.input_texts, config.fraccion_validacion, config.semilla)
    parada = keras.callbacks.EarlyStopping(monitor="val_loss", patience=config.paciencia, restore_best_weights=True)
    historial = modelo.fit(
        [datos.encoder_input_data[entrenamiento], datos.decoder_input_data[entrenamiento]],
        datos.decoder_target_data[entrenamiento],
        validation_data=(
            [datos.encoder_input_data[validacion], datos.decoder_input_data[validacion]],
            datos.decoder_target_data[validacion],
        ),
        batch_size=config.batch_size,
        epochs=config.epocas,
        callbacks=[parada],
        verbose=verbose,
    )
    return modelo, historial.history


# --- La receta que aprende: enteros, one-hot dentro del modelo, máscara y Adam --------------
@keras.saving.register_keras_serializable(package="seq2seq")
class CapaOneHot(layers.Layer):
    """Convierte índices enteros en vectores *one-hot* dentro del modelo; ``ID_RELLENO`` (-1) da una fila de ceros.

    Se explica en 04_una_receta_que_aprende.

    No tiene pesos. Con ``enmascarar=True`` además produce la máscara ``ids != ID_RELLENO``: la LSTM
    que la recibe salta el relleno y su estado final es el del último carácter real. Está
    registrada, así que el ``.keras`` se carga con ``safe_mode=True`` (basta con importar
    ``utils.modelos``); una capa ``Lambda`` obligaría a ``safe_mode=False``.
    """

    def __init__(self, num_tokens: int, enmascarar: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.num_tokens = int(num_tokens)
        self.enmascarar = bool(enmascarar)

    def call(self, ids):
        return keras.ops.one_hot(keras.ops.cast(ids, "int32"), self.num_tokens, dtype=self.compute_dtype)

    def compute_mask(self, ids, mask=None):
        return keras.ops.not_equal(ids, ID_RELLENO) if self.enmascarar else None

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.num_tokens)

    def get_config(self) -> dict:
        return {**super().get_config(), "num_tokens": self.num_tokens, "enmascarar": self.enmascarar}


def construir_modelo_ligero(
    num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int, enmascarar: bool = True, dropout: float = 0.0
) -> keras.Model:
    """El modelo del curso con entradas de enteros (``encoder_ids``, ``decoder_ids``) y el *one-hot* dentro.

    Se explica en 04_una_receta_que_aprende.

    Es el modelo clásico de ``construir_modelo_entrenamiento``: las capas ``CapaOneHot`` se llaman
    ``encoder_inputs`` y ``decoder_inputs`` (dan lo mismo que las entradas del modelo clásico) y
    las LSTM y la densa conservan sus nombres, así que tiene los mismos parámetros y
    ``construir_modelos_inferencia`` funciona igual. Con ``enmascarar=True`` (por defecto) el
    codificador salta su relleno. Con ``dropout > 0``, una capa ``Dropout`` (``decoder_dropout``) apaga
    al azar, solo al entrenar, esa fracción de las salidas del decodificador antes de la densa: no
    tiene pesos y los modelos de inferencia no la usan.
    """
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    encoder_inputs = CapaOneHot(num_encoder_tokens, enmascarar=enmascarar, name="encoder_inputs")(encoder_ids)
    decoder_inputs = CapaOneHot(num_decoder_tokens, name="decoder_inputs")(decoder_ids)
    _, state_h, state_c = layers.LSTM(latent_dim, return_state=True, name="encoder_lstm")(encoder_inputs)
    decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True, name="decoder_lstm")
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
    if dropout:
        decoder_outputs = layers.Dropout(dropout, name="decoder_dropout")(decoder_outputs)
    decoder_outputs = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")(decoder_outputs)
    return keras.Model([encoder_ids, decoder_ids], decoder_outputs, name="seq2seq_ligero")


def compilar_receta(modelo: keras.Model, tasa_aprendizaje: float, clipnorm: float | None = 1.0) -> keras.Model:
    """Compila con la receta que aprende: Adam, recorte de la norma del gradiente y pérdida dispersa sin relleno.

    Se explica en 04_una_receta_que_aprende.
    """
    opciones = {"clipnorm": clipnorm} if clipnorm else {}
    modelo.compile(
        optimizer=keras.optimizers.Adam(learning_rate=tasa_aprendizaje, **opciones),
        loss=keras.losses.SparseCategoricalCrossentropy(ignore_class=ID_RELLENO),
        metrics=[exactitud_sin_relleno],
    )
    return modelo


class LotesPorLongitud(keras.utils.PyDataset):
    """Lotes de enteros con frases de longitud parecida, cada uno recortado a su frase más larga.

    Se explica en 04_una_receta_que_aprende.

    Cada lote es ``((encoder_input_ids, decoder_input_ids), decoder_target_ids)``. El decodificador
    se recorta siempre: es causal, y el relleno del final no cambia sus salidas en los pasos reales.
    El codificador se recorta solo con ``recortar_codificador=True``, que exige un modelo que salte
    el relleno (con máscara): sin ella, su estado final depende de cuántas filas de relleno lee.
    Con ``barajar=True`` cada época rehace los lotes al azar, de forma reproducible con ``semilla``.
    ``relleno`` es el id del relleno: ``ID_RELLENO`` (-1) en los de caracteres, 0 en los de palabras.
    """

    def __init__(self, encoder_input_ids, decoder_input_ids, decoder_target_ids, batch_size: int = 64,
                 semilla: int = 42, barajar: bool = True, recortar_codificador: bool = False,
                 relleno: int = ID_RELLENO, **kwargs):
        super().__init__(**kwargs)
        self.arreglos = tuple(np.asarray(a) for a in (encoder_input_ids, decoder_input_ids, decoder_target_ids))
        self.longitudes = longitudes_sin_relleno(self.arreglos[1], relleno)
        self.longitudes_codificador = longitudes_sin_relleno(self.arreglos[0], relleno)
        self.batch_size = batch_size
        self.recortar_codificador = recortar_codificador
        self.rng = np.random.default_rng(semilla) if barajar else None
        self.on_epoch_end()

    def _pasos(self, lote: np.ndarray) -> tuple[int, int]:
        """Pasos del codificador y del decodificador de un lote."""
        codificador = int(self.longitudes_codificador[lote].max()) if self.recortar_codificador else self.arreglos[0].shape[1]
        return codificador, int(self.longitudes[lote].max())

    def on_epoch_end(self) -> None:
        self.lotes = agrupar_por_longitud(self.longitudes, self.batch_size, self.rng)
        # Keras deduce la forma de todos los lotes de los dos primeros: si una dimensión coincidiera
        # en los dos, la fijaría y fallaría con los demás. El 2.º pasa a ser uno distinto en todo lo recortado.
        pasos = [self._pasos(lote) for lote in self.lotes]
        recortados = [1] + ([0] if self.recortar_codificador else [])
        otro = next((i for i in range(1, len(pasos)) if all(pasos[i][j] != pasos[0][j] for j in recortados)), None)
        if otro is not None:
            self.lotes[1], self.lotes[otro] = self.lotes[otro], self.lotes[1]

    def __len__(self) -> int:
        return len(self.lotes)

    def __getitem__(self, indice: int):
        lote = self.lotes[indice]
        pasos_codificador, pasos = self._pasos(lote)
        encoder_input_ids, decoder_input_ids, decoder_target_ids = self.arreglos
        return (encoder_input_ids[lote, :pasos_codificador], decoder_input_ids[lote, :pasos]), decoder_target_ids[lote, :pasos]


VARIANTES = {  # cada una añade un cambio a la anterior (cuaderno 04)
    "A": "clásica: RMSprop 0.001, pérdida categórica entre todas las posiciones, el codificador lee el relleno",
    "B": "+ pérdida sin relleno: dispersa con ignore_class, que ni cuenta ni empuja el relleno",
    "C": "+ Adam con recorte de la norma del gradiente",
    "D": "+ máscara: el codificador salta su relleno",
}


def construir_variante(variante: str, num_encoder_tokens: int, num_decoder_tokens: int, config: Configuracion) -> keras.Model:
    """El modelo compilado de una variante A–D del cuaderno 04 (A recibe *one-hot*; B–D, enteros).

    Se explica en 04_una_receta_que_aprende. Ninguna lleva ``Dropout``: solo cambia lo que dice ``VARIANTES``.
    """
    if variante not in VARIANTES:
        raise ValueError(f"variante desconocida: {variante!r}. Las válidas son {', '.join(VARIANTES)}.")
    if variante == "A":
        modelo = construir_modelo_entrenamiento(num_encoder_tokens, num_decoder_tokens, config.latent_dim)
        modelo.compile(optimizer=keras.optimizers.RMSprop(TASA_CLASICA), loss="categorical_crossentropy")
        return modelo
    modelo = construir_modelo_ligero(num_encoder_tokens, num_decoder_tokens, config.latent_dim, enmascarar=variante == "D")
    if variante == "B":
        optimizador = keras.optimizers.RMSprop(TASA_CLASICA)
    else:
        optimizador = keras.optimizers.Adam(config.tasa_aprendizaje, clipnorm=config.clipnorm)
    modelo.compile(optimizer=optimizador, loss=keras.losses.SparseCategoricalCrossentropy(ignore_class=ID_RELLENO))
    return modelo


def lotes_de_la_receta(datos: DatosIds, indices: np.ndarray, config: Configuracion, barajar: bool) -> LotesPorLongitud:
    """Los lotes de ``entrenar_modelo`` para unos índices: agrupados por longitud y con el codificador recortado."""
    arreglos = (datos.encoder_input_ids, datos.decoder_input_ids, datos.decoder_target_ids)
    return LotesPorLongitud(*(a[indices] for a in arreglos), batch_size=config.batch_size, semilla=config.semilla,
                            barajar=barajar, recortar_codificador=True)


class ResumenDeEpocas(keras.callbacks.Callback):
    """Una línea por época (pérdida por carácter de entrenamiento y de validación) y su duración.

    Se explica en 04_una_receta_que_aprende.
    """

    def __init__(self, cada: int = 1):
        super().__init__()
        self.cada = cada
        self.segundos: list[float] = []

    def on_epoch_begin(self, epoch, logs=None):
        self._inicio = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.segundos.append(time.perf_counter() - self._inicio)
        if (epoch + 1) % self.cada == 0:
            logs = logs or {}
            chrf = f", chrF de parada {logs[CLAVE_CHRF]:.1f}" if CLAVE_CHRF in logs else ""
            print(f"época {epoch + 1:>3}: pérdida {logs.get('loss', float('nan')):.3f}, "
                  f"validación {logs.get('val_loss', float('nan')):.3f}{chrf} ({self.segundos[-1]:.0f} s)", flush=True)


CLAVE_CHRF = "chrf_parada"  # en el historial: el chrF de las frases de parada tras cada época


def particion_de_la_receta(datos: DatosIds, config: Configuracion) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(entrenamiento, parada, validacion)``: los índices de los pares de cada parte, por frase inglesa.

    Se explica en 04_una_receta_que_aprende.

    ``validacion`` es la de ``indices_de_validacion`` (la que miden los cuadernos y los *benchmarks*).
    Con ``config.parada == "chrf"`` se aparta además, de las frases de entrenamiento, una fracción
    ``config.fraccion_parada`` de frases inglesas: las **frases de parada**, que el modelo no entrena
    y que solo sirven para decidir cuándo parar. Así la validación no interviene en ninguna decisión
    y su chrF es una medida limpia. Con ``"perdida"`` no se aparta nada (``parada`` vacío).
    """
    entrenamiento, validacion = indices_de_validacion(datos.input_texts, config.fraccion_validacion, config.semilla)
    if config.parada == "perdida":
        return entrenamiento, np.array([], dtype=entrenamiento.dtype), validacion
    resto, apartadas = indices_de_validacion([datos.input_texts[j] for j in entrenamiento], config.fraccion_parada,
                                             config.semilla)
    return entrenamiento[resto], entrenamiento[apartadas], validacion


class ParadaPorChrF(keras.callbacks.Callback):
    """Parada temprana sobre el chrF de unas frases apartadas, con los pesos de su mejor época.

    Se explica en 04_una_receta_que_aprende.

    Tras cada época traduce ``frases`` (voraz y por lotes) y mide su chrF con todas sus
    ``referencias``; lo anota en el historial como ``chrf_parada``. Guarda los pesos cuando el chrF
    mejora, para tras ``paciencia`` épocas sin mejorar y, al terminar, devuelve al modelo los pesos
    de la mejor época (``mejor_epoca``, contada desde 1). ``traducir(modelo, frases)`` devuelve las
    traducciones; por defecto, ``construir_modelos_inferencia`` y ``decodificar_lote`` (cuaderno 06).
    """

    def __init__(self, frases: Sequence[str], referencias: Sequence[Sequence[str]], vocab: Vocabulario,
                 paciencia: int, traducir: Callable[[keras.Model, list[str]], list[str]] | None = None):
        super().__init__()
        if not frases or len(frases) != len(referencias):
            raise ValueError(f"ParadaPorChrF necesita frases y, para cada una, sus referencias: hay {len(frases)} frases "
                             f"y {len(referencias)} listas de referencias. ¿Es config.fraccion_parada demasiado pequeña?")
        self.frases, self.referencias, self.vocab = list(frases), [list(r) for r in referencias], vocab
        self.paciencia = paciencia
        self.traducir = traducir or self._traducir_voraz
        self.mejor, self.mejor_epoca, self.pesos, self.sin_mejorar = -1.0, 0, None, 0

    def _traducir_voraz(self, modelo: keras.Model, frases: list[str]) -> list[str]:
        from utils.datos import frase_a_encoder_input
        from utils.decodificacion import decodificar_lote

        entradas = np.concatenate([frase_a_encoder_input(f, self.vocab) for f in frases])
        return decodificar_lote(entradas, *construir_modelos_inferencia(modelo), self.vocab)

    def on_train_begin(self, logs=None):
        self.mejor, self.mejor_epoca, self.pesos, self.sin_mejorar = -1.0, 0, None, 0

    def chrf(self, modelo: keras.Model) -> float:
        """El chrF de las frases de parada traducidas por ``modelo``, con todas sus referencias."""
        from utils.evaluacion import evaluar_multirreferencia

        return evaluar_multirreferencia(self.traducir(modelo, self.frases), self.referencias)["chrf"]

    def on_epoch_end(self, epoch, logs=None):
        chrf = self.chrf(self.model)
        if logs is not None:
            logs[CLAVE_CHRF] = chrf  # el mismo diccionario llega después al historial
        if chrf > self.mejor:
            self.mejor, self.mejor_epoca, self.pesos, self.sin_mejorar = chrf, epoch + 1, self.model.get_weights(), 0
        else:
            self.sin_mejorar += 1
            if self.sin_mejorar >= self.paciencia:
                self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.pesos is not None:
            self.model.set_weights(self.pesos)


def parada_de_la_receta(datos: DatosIds, apartadas: np.ndarray, config: Configuracion,
                        traducir: Callable[[keras.Model, list[str]], list[str]] | None = None) -> ParadaPorChrF:
    """La ``ParadaPorChrF`` de ``entrenar_modelo``: las frases de parada, cada una con todas sus referencias."""
    from utils.evaluacion import agrupar_referencias

    frases = list(dict.fromkeys(datos.input_texts[j] for j in apartadas))
    referencias = agrupar_referencias([datos.input_texts[j] for j in apartadas],
                                      [datos.target_texts[j][1:-1] for j in apartadas])
    return ParadaPorChrF(frases, [referencias[f] for f in frases], datos.vocab, config.paciencia, traducir)


def mejor_epoca(historial: dict) -> int:
    """La época (contada desde 1) con cuyos pesos se queda el entrenamiento: la del mejor ``chrf_parada``
    si se paró por el chrF, la de menor ``val_loss`` si se paró por la pérdida. Las épocas sin chrF
    medido (``None`` o NaN, por ejemplo antes de reanudar con la parada por chrF) no cuentan."""
    chrf = np.array([np.nan if v is None else v for v in historial.get(CLAVE_CHRF, [])], dtype=float)
    if np.isfinite(chrf).any():
        return int(np.nanargmax(chrf)) + 1
    if historial.get("val_loss"):
        return int(np.argmin(historial["val_loss"])) + 1
    raise ValueError(f"el historial no tiene ni {CLAVE_CHRF!r} ni 'val_loss' (tiene {sorted(historial)}): "
                     "¿se entrenó sin datos de validación?")


def entrenar_modelo(
    datos: DatosIds, config: Configuracion, verbose: bool = True, callbacks: Sequence[keras.callbacks.Callback] = (),
    construir: Callable[[int, int, int], keras.Model] | None = None,
    traducir: Callable[[keras.Model, list[str]], list[str]] | None = None,
) -> tuple[keras.Model, dict]:
    """La receta que aprende (cuaderno 04): enteros, codificador enmascarado, Adam con recorte, lotes por longitud.

    Partición por frase inglesa (``particion_de_la_receta``) y parada temprana con los pesos de la
    mejor época: con ``config.parada == "chrf"`` (la del curso), sobre el chrF de las frases de
    parada (``ParadaPorChrF``, cuyo valor queda en el historial como ``chrf_parada``); con
    ``"perdida"``, sobre la pérdida de validación (cuaderno 03). Fija las semillas al empezar.
    Devuelve ``(modelo, historial)``; con ``verbose`` imprime una línea por época. ``construir``
    recibe ``(num_encoder_tokens, num_decoder_tokens, latent_dim)`` y devuelve el modelo sin compilar
    (por defecto ``construir_modelo_ligero``; el cuaderno 09 pasa el modelo con atención). Si sus
    modelos de inferencia no salen de ``construir_modelos_inferencia``, la parada por chrF necesita
    ``traducir(modelo, frases)`` (la de ``ParadaPorChrF``); el cuaderno 09 usa ``parada="perdida"``.
    """
    fijar_semillas(config.semilla)
    vocab = datos.vocab
    entrenamiento, apartadas, validacion = particion_de_la_receta(datos, config)
    if construir is None:
        modelo = construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, config.latent_dim,
                                         dropout=config.dropout)
    else:
        modelo = construir(vocab.num_encoder_tokens, vocab.num_decoder_tokens, config.latent_dim)
    compilar_receta(modelo, config.tasa_aprendizaje, config.clipnorm)
    if config.parada == "perdida":
        parada = keras.callbacks.EarlyStopping(monitor="val_loss", patience=config.paciencia, restore_best_weights=True)
    else:
        parada = parada_de_la_receta(datos, apartadas, config, traducir)
    historial = modelo.fit(
        lotes_de_la_receta(datos, entrenamiento, config, barajar=True),
        validation_data=lotes_de_la_receta(datos, validacion, config, barajar=False),
        epochs=config.epocas,
        callbacks=[parada, *([ResumenDeEpocas()] if verbose else []), *callbacks],
        verbose=0,
    )
    return modelo, historial.history


def cargar_o_entrenar(config: Configuracion) -> tuple[keras.Model, DatosIds]:
    """El modelo que guardó el cuaderno 04 para esta configuración o, si no está o no encaja, uno nuevo.

    Comprueba que el vocabulario y la configuración guardados coinciden con los actuales;
    si no, lo dice y vuelve a entrenar con ``entrenar_modelo`` (y lo guarda).
    """
    datos = preparar_ids(config)
    carpeta = DIR_MODELOS / config.nombre
    try:
        modelo, vocab, guardada = cargar_modelo(carpeta)
        actual = {k: getattr(config, k) for k in config.__dataclass_fields__}
        if vocab == datos.vocab and guardada == actual:
            print(f"Modelo cargado de modelos/{config.nombre}/ (lo guardó el cuaderno 04).")
            return modelo, datos
        avisar(f"el modelo de modelos/{config.nombre}/ se entrenó con otros datos o tamaños; se entrena de nuevo.")
    except FileNotFoundError:
        print(f"No hay modelo guardado en modelos/{config.nombre}/: se entrena ahora con la receta del cuaderno 04.")
    except ValueError as error:
        avisar(f"no se pudo usar el modelo guardado ({error}); se entrena de nuevo.")
    modelo, _ = entrenar_modelo(datos, config, verbose=False)
    guardar_modelo(modelo, datos.vocab, config, carpeta)
    return modelo, datos


def perdida_por_caracter(modelo: keras.Model, lotes: LotesPorLongitud) -> float:
    """Entropía cruzada media por carácter real (sin relleno) sobre unos lotes de enteros.

    Se explica en 04_una_receta_que_aprende.

    Mide el modelo clásico (se le dan los lotes en *one-hot*) y el ligero en la misma escala:
    la de ``SparseCategoricalCrossentropy(ignore_class=-1)``, no la de la categórica, que
    divide también entre las posiciones de relleno.
    """
    one_hot = len(modelo.inputs[0].shape) == 3
    suma, reales = 0.0, 0
    for indice in range(len(lotes)):
        (encoder_ids, decoder_ids), target_ids = lotes[indice]
        if one_hot:
            encoder_ids = ids_a_one_hot(encoder_ids, modelo.inputs[0].shape[-1])
            decoder_ids = ids_a_one_hot(decoder_ids, modelo.inputs[1].shape[-1])
        probs = np.asarray(modelo.predict_on_batch([encoder_ids, decoder_ids]), dtype="float64")
        mascara = target_ids != ID_RELLENO
        correcta = np.take_along_axis(probs, np.maximum(target_ids, 0)[..., np.newaxis], axis=-1)[..., 0]
        suma -= np.log(np.clip(correcta[mascara], 1e-7, 1.0)).sum()  # el mismo recorte que Keras
        reales += int(mascara.sum())
    return suma / reales


# --- El modelo preentrenado que trae el curso ------------------------------------------------------
ARCHIVO_ENTRENAMIENTO = "entrenamiento.json"  # cómo se entrenó: datos, partición, épocas, tiempos
ARCHIVO_VISTAS = "frases_vistas.npy"  # huellas de las frases inglesas del entrenamiento
ORDEN_REENTRENAR = "python benchmarks/entrenar_preentrenado.py --corpus RUTA/A/fra.txt"


@dataclass
class Preentrenado:
    """El modelo preentrenado del curso, su vocabulario y lo que se sabe de su entrenamiento."""

    modelo: keras.Model
    vocab: Vocabulario
    configuracion: dict
    entrenamiento: dict
    huellas_vistas: np.ndarray  # uint64 ordenadas

    def vio(self, frase: str) -> bool:
        """``True`` si ``frase`` (en inglés) estaba entre las frases de entrenamiento del modelo."""
        i = np.searchsorted(self.huellas_vistas, np.uint64(huella(frase)))
        return bool(i < len(self.huellas_vistas) and self.huellas_vistas[i] == np.uint64(huella(frase)))


def cargar_preentrenado(carpeta: str | Path = DIR_PREENTRENADO) -> Preentrenado:
    """Carga el modelo que el curso trae ya entrenado (``datos/preentrenado/``), con sus comprobaciones.

    Se explica en 05_modelos_de_inferencia. Si falta algo o está dañado, el error dice qué
    archivo es y la orden que lo vuelve a entrenar.
    """
    carpeta = ruta_de_argumento(carpeta, "carpeta")
    pista = f"Recupéralo con `git checkout -- {_ruta_legible(carpeta)}` o vuelve a entrenarlo con `{ORDEN_REENTRENAR}`."
    for nombre in (ARCHIVO_ENTRENAMIENTO, ARCHIVO_VISTAS):
        if not (carpeta / nombre).is_file():
            raise FileNotFoundError(f"falta {nombre} en el modelo preentrenado {_ruta_legible(carpeta)}. {pista}")
    try:
        modelo, vocab, configuracion = cargar_modelo(carpeta)
    except (FileNotFoundError, ValueError) as error:
        raise type(error)(f"el modelo preentrenado de {_ruta_legible(carpeta)} no se puede usar: {error} {pista}") from error
    try:
        entrenamiento = json.loads((carpeta / ARCHIVO_ENTRENAMIENTO).read_text(encoding="utf-8"))
        huellas = np.load(carpeta / ARCHIVO_VISTAS, allow_pickle=False)
        if huellas.dtype != np.uint64 or huellas.ndim != 1:
            raise ValueError(f"{ARCHIVO_VISTAS} debería ser un vector de uint64, y es {huellas.dtype} de {huellas.ndim} "
                             "dimensiones")
        comprobar_entrenamiento(entrenamiento)
    except (ValueError, OSError, EOFError) as error:
        raise ValueError(
            f"{ARCHIVO_ENTRENAMIENTO} o {ARCHIVO_VISTAS} del modelo preentrenado están dañados ({error}). {pista}"
        ) from error
    return Preentrenado(modelo, vocab, configuracion, entrenamiento, np.sort(huellas))


# Lo que debe tener entrenamiento.json (quien lo lee usa estas claves): clave → tipo.
CLAVES_ENTRENAMIENTO = {"corpus": str, "corpus_sha256": str, "particion": dict, "pares": int, "entrenamiento": int,
                        "epocas": int, "mejor_epoca": int, "segundos": (int, float), "historia": dict}


def comprobar_entrenamiento(entrenamiento) -> None:
    """``ValueError`` en español si ``entrenamiento.json`` no tiene la forma que escribe ``entrenar_preentrenado.py``."""
    if not isinstance(entrenamiento, dict):
        raise ValueError(f"{ARCHIVO_ENTRENAMIENTO} debería ser un objeto JSON, y es {type(entrenamiento).__name__}")
    malas = [clave for clave, tipo in CLAVES_ENTRENAMIENTO.items()
             if not isinstance(entrenamiento.get(clave), tipo) or isinstance(entrenamiento.get(clave), bool)]
    if malas:
        raise ValueError(f"a {ARCHIVO_ENTRENAMIENTO} le faltan claves o no son del tipo esperado: {resumir_lista(malas)}")
    particion = entrenamiento["particion"]
    if not isinstance(particion.get("fraccion"), (int, float)) or not isinstance(particion.get("semilla"), int):
        raise ValueError(f"la partición de {ARCHIVO_ENTRENAMIENTO} no tiene 'fraccion' y 'semilla'")


def _ruta_legible(carpeta: Path) -> str:
    """La ruta relativa a la raíz del curso si está dentro (nunca una ruta absoluta de esta máquina)."""
    try:
        return carpeta.resolve().relative_to(DIR_MODELOS.parent).as_posix() + "/"
    except ValueError:
        return carpeta.name + "/"


# --- Qué modelo usan los cuadernos 05–07 -------------------------------------------------------------
ORIGENES = ("preentrenado", "propio")


@dataclass
class ModeloDelCurso:
    """El modelo que usa un cuaderno, su vocabulario y con qué frases se puede medir sin hacer trampa."""

    modelo: keras.Model
    vocab: Vocabulario
    origen: str  # "preentrenado" o "propio"
    descripcion: str
    evaluacion: DatosVectorizados  # pares que el modelo nunca vio al entrenar y que su vocabulario admite
    saltados: dict  # pares de evaluación saltados, por motivo
    vio: Callable[[str], bool]  # True si una frase inglesa estaba entre las de entrenamiento del modelo


def cargar_modelo_del_curso(origen: str, config: Configuracion) -> ModeloDelCurso:
    """El modelo de los cuadernos 05–07: el preentrenado del curso o el que entrenaste en el cuaderno 04.

    Se explica en 05_modelos_de_inferencia.

    - ``"preentrenado"``: ``datos/preentrenado/``. Se mide con el corpus del curso (``datos/``), que
      no vio al entrenar: se saltan las frases inglesas que sí vio y las que su vocabulario no admite.
    - ``"propio"``: ``modelos/<configuración>/`` (lo entrena si no está, como ``cargar_o_entrenar``).
      Se mide con su partición de validación.
    """
    if origen not in ORIGENES:
        raise ValueError(f"ORIGEN_MODELO debe ser uno de {ORIGENES}, no {origen!r}.")
    if origen == "preentrenado":
        pre = cargar_preentrenado()
        corpus = leer_pares(CORPUS_CURSO, mostrar_resumen=False)
        input_texts, target_texts = corpus.ingles, [agregar_tokens(f) for f in corpus.frances]
        nuevos = [i for i, f in enumerate(input_texts) if not pre.vio(f)]
        vistos = len(input_texts) - len(nuevos)
        modelo, vocab, vio = pre.modelo, pre.vocab, pre.vio
        descripcion = (f"modelo preentrenado del curso (datos/preentrenado/: {pre.entrenamiento['entrenamiento']} pares de "
                       f"Tatoeba, latent_dim={pre.configuracion['latent_dim']}); se mide con el corpus del curso, datos/{CORPUS_CURSO.name}")
    else:
        modelo, datos = cargar_o_entrenar(config)
        entrenamiento, validacion = indices_de_validacion(datos.input_texts, config.fraccion_validacion, config.semilla)
        input_texts, target_texts, nuevos, vistos = datos.input_texts, datos.target_texts, list(validacion), 0
        vocab, vio = datos.vocab, frozenset(datos.input_texts[i] for i in entrenamiento).__contains__
        descripcion = f"tu modelo del cuaderno 04 (modelos/{config.nombre}/); se mide con su partición de validación"
    utiles, saltados = pares_utilizables([input_texts[i] for i in nuevos], [target_texts[i] for i in nuevos], vocab)
    if vistos:
        saltados["vistos al entrenar"] = vistos
    elegidos = [nuevos[i] for i in utiles]
    textos = ([input_texts[i] for i in elegidos], [target_texts[i] for i in elegidos])
    evaluacion = DatosVectorizados(*textos, vocab, *vectorizar_one_hot(*textos, vocab))
    return ModeloDelCurso(modelo, vocab, origen, descripcion, evaluacion, dict(saltados), vio)
