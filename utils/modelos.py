"""Etapa de modelos: el modelo de entrenamiento, los de inferencia y su guardado.

``construir_modelo_entrenamiento`` se enseña en ``03_modelo_de_entrenamiento``;
``construir_modelos_inferencia`` en ``04_modelos_de_inferencia``; el camino ligero
(``CapaOneHot``, ``construir_modelo_ligero``, ``LotesPorLongitud``) en ``03_modelo_de_entrenamiento``.
Las capas llevan nombre
para que los modelos de inferencia las encuentren por nombre, también tras ``load_model``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import keras
import numpy as np
from keras import layers

from utils.configuracion import DIR_MODELOS, Configuracion, avisar, fijar_semillas
from utils.datos import (
    ID_RELLENO,
    DatosVectorizados,
    Vocabulario,
    agrupar_por_longitud,
    ids_a_one_hot,
    longitudes_sin_relleno,
    preparar_datos,
)

ARCHIVO_MODELO = "modelo.keras"
ARCHIVO_METADATOS = "metadatos.json"
VERSION_PAQUETE = 2  # cambia si cambia el formato del paquete guardado (2: con sumas sha256)
CLAVE_SUMAS = "sumas_sha256"  # en metadatos.json: la de modelo.keras y la del vocabulario
# Lo que se propone hacer cuando un paquete guardado no pasa las comprobaciones. Es un texto
# aparte para poder completarlo (p. ej. con la orden que reentrena un modelo del curso).
PISTA_REENTRENAR = "Vuelve a guardar el modelo con guardar_modelo o, si ya no lo tienes, vuelve a entrenarlo (cuaderno 03)."


def construir_modelo_entrenamiento(num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int) -> keras.Model:
    """Modelo funcional clásico: LSTM codificador → estados → LSTM decodificador → softmax."""
    encoder_inputs = keras.Input(shape=(None, num_encoder_tokens), name="encoder_inputs")
    _, state_h, state_c = layers.LSTM(latent_dim, return_state=True, name="encoder_lstm")(encoder_inputs)
    encoder_states = [state_h, state_c]  # se descarta la salida: solo interesa el contexto

    decoder_inputs = keras.Input(shape=(None, num_decoder_tokens), name="decoder_inputs")
    decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True, name="decoder_lstm")
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
    decoder_outputs = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")(decoder_outputs)
    return keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name="seq2seq_entrenamiento")


def construir_modelos_inferencia(modelo: keras.Model) -> tuple[keras.Model, keras.Model]:
    """Codificador (entrada → h, c) y decodificador (carácter + h, c → probabilidades + h, c).

    Reutiliza las capas entrenadas buscándolas por nombre y crea entradas nuevas con nombre
    propio, así que funciona igual justo tras entrenar que tras ``keras.saving.load_model``.
    """
    encoder_lstm = modelo.get_layer("encoder_lstm")
    decoder_lstm = modelo.get_layer("decoder_lstm")
    decoder_dense = modelo.get_layer("decoder_dense")
    num_encoder_tokens = modelo.get_layer("encoder_inputs").output.shape[-1]
    num_decoder_tokens = modelo.get_layer("decoder_inputs").output.shape[-1]
    latent_dim = decoder_lstm.units

    encoder_inputs = keras.Input(shape=(None, num_encoder_tokens), name="encoder_inputs")
    _, state_h, state_c = encoder_lstm(encoder_inputs)
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
    modelo: keras.Model, vocab: Vocabulario, config: Configuracion, carpeta: str | Path, extra: dict | None = None
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
    descripción de la receta de entrenamiento. Devuelve la carpeta.
    """
    carpeta = Path(carpeta)
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
    extra = {} if extra is None else extra
    if not isinstance(extra, dict) or not _cabe_en_json(extra):
        raise TypeError(
            f"extra debe ser un diccionario con claves de texto y valores que quepan en JSON (textos, números, "
            f"booleanos, None, listas y diccionarios), no {_resumir(extra)}."
        )
    try:
        temporal = _preparar_guardado(carpeta)
    except OSError as error:
        raise _error_al_guardar(error, carpeta) from error
    try:
        modelo.save(temporal / ARCHIVO_MODELO)
        metadatos = {
            "version_paquete": VERSION_PAQUETE,
            "keras": keras.__version__,
            CLAVE_SUMAS: {
                ARCHIVO_MODELO: _sha256_de_archivo(temporal / ARCHIVO_MODELO),
                "vocabulario": _suma_vocabulario(vocab.a_diccionario()),
            },
            "vocabulario": vocab.a_diccionario(),
            "configuracion": {k: getattr(config, k) for k in config.__dataclass_fields__},
            "extra": extra,
        }
        (temporal / ARCHIVO_METADATOS).write_text(json.dumps(metadatos, ensure_ascii=False, indent=1), encoding="utf-8")
        _reemplazar_carpeta(temporal, carpeta)
    except OSError as error:
        raise _error_al_guardar(error, carpeta, temporal) from error
    finally:
        shutil.rmtree(temporal, ignore_errors=True)
    return carpeta


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


def _comprobar_paquete(carpeta: Path) -> tuple[dict, Vocabulario]:
    """Lee ``metadatos.json`` y comprueba versiones, sumas sha256 y vocabulario; devuelve (metadatos, vocab)."""
    ruta_modelo = carpeta / ARCHIVO_MODELO
    for ruta in (ruta_modelo, carpeta / ARCHIVO_METADATOS):
        if not ruta.is_file():
            raise FileNotFoundError(
                f"falta {ruta.name} en el modelo guardado {carpeta.name!r}. Vuelve a entrenar y "
                f"guardar el modelo (cuaderno 03)."
            )
    metadatos = _leer_json(carpeta)
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
    try:
        vocab = Vocabulario.desde_diccionario(metadatos["vocabulario"])
    except ValueError as error:
        raise _danado(carpeta, str(error)) from error
    return metadatos, vocab


def leer_metadatos(carpeta: str | Path) -> dict:
    """Los metadatos de un paquete de ``guardar_modelo``, comprobados, sin cargar el modelo.

    Comprueba lo mismo que ``cargar_modelo`` salvo el propio ``.keras``: versiones, sumas sha256
    y vocabulario. Devuelve el diccionario de ``metadatos.json`` (``vocabulario``,
    ``configuracion``, ``extra``… y cualquier clave que añadan versiones futuras del curso).
    """
    return _comprobar_paquete(_carpeta_del_paquete(Path(carpeta)))[0]


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
            f"(cuaderno 03) o comprueba la ruta."
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
    carpeta = _carpeta_del_paquete(Path(carpeta))
    metadatos, vocab = _comprobar_paquete(carpeta)
    ruta_modelo = carpeta / ARCHIVO_MODELO
    try:
        modelo = keras.saving.load_model(ruta_modelo, safe_mode=True)
    except Exception as error:  # zip dañado, capas desconocidas, archivo truncado…
        raise ValueError(f"no se pudo cargar {ruta_modelo.name} de {carpeta.name!r}: {error}") from error
    if _tamanos_del_modelo(modelo) != (vocab.num_encoder_tokens, vocab.num_decoder_tokens):
        raise ValueError(
            f"el modelo y el vocabulario de {carpeta.name!r} no corresponden: el modelo espera "
            f"{_tamanos_del_modelo(modelo)} caracteres (entrada, salida) y el vocabulario tiene "
            f"({vocab.num_encoder_tokens}, {vocab.num_decoder_tokens}). Vuelve a guardar ambos juntos."
        )
    return modelo, vocab, dict(metadatos["configuracion"])


def contar_parametros_lstm(units: int, input_dim: int) -> int:
    """Parámetros de una LSTM: 4 puertas × (pesos de entrada + recurrentes + sesgo)."""
    return 4 * (units * (input_dim + units) + units)


@keras.saving.register_keras_serializable(package="seq2seq")
def exactitud_sin_relleno(y_true, y_pred):
    """Exactitud por carácter que ignora las posiciones de relleno (filas de ceros en ``y_true``)."""
    mascara = keras.ops.cast(keras.ops.sum(y_true, axis=-1) > 0, "float32")
    aciertos = keras.ops.cast(
        keras.ops.equal(keras.ops.argmax(y_true, axis=-1), keras.ops.argmax(y_pred, axis=-1)), "float32"
    )
    return keras.ops.sum(aciertos * mascara) / keras.ops.maximum(keras.ops.sum(mascara), 1.0)


def indices_de_validacion(n: int, fraccion: float, semilla: int) -> tuple[np.ndarray, np.ndarray]:
    """Partición aleatoria (reproducible) en entrenamiento y validación.

    El archivo está ordenado por longitud: ``validation_split`` de Keras tomaría solo las
    frases más largas. Aquí se barajan los índices con una semilla fija.
    """
    if not 0 < fraccion < 1:
        raise ValueError(f"la fracción de validación debe estar entre 0 y 1, no {fraccion}.")
    orden = np.random.default_rng(semilla).permutation(n)
    corte = int(round(n * (1 - fraccion)))
    return np.sort(orden[:corte]), np.sort(orden[corte:])


def entrenar_modelo(datos: DatosVectorizados, config: Configuracion, verbose: int = 2) -> tuple[keras.Model, dict]:
    """La receta del cuaderno 03: partición barajada, rmsprop, parada temprana con los mejores pesos.

    Fija las semillas al empezar: el modelo no depende de lo que se ejecutó antes.
    """
    fijar_semillas(config.semilla)
    vocab = datos.vocab
    modelo = construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, config.latent_dim)
    modelo.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=config.tasa_aprendizaje),
        loss="categorical_crossentropy",
        metrics=["accuracy", exactitud_sin_relleno],
    )
    entrenamiento, validacion = indices_de_validacion(
        len(datos.input_texts), config.fraccion_validacion, config.semilla
    )
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


def cargar_o_entrenar(config: Configuracion) -> tuple[keras.Model, DatosVectorizados]:
    """El modelo que guardó el cuaderno 03 para esta configuración o, si no está o no encaja, uno nuevo.

    Comprueba que el vocabulario y la configuración guardados coinciden con los actuales;
    si no, lo dice y vuelve a entrenar con ``entrenar_modelo`` (y lo guarda).
    """
    datos = preparar_datos(config)
    carpeta = DIR_MODELOS / config.nombre
    try:
        modelo, vocab, guardada = cargar_modelo(carpeta)
        actual = {k: getattr(config, k) for k in config.__dataclass_fields__}
        if vocab == datos.vocab and guardada == actual:
            print(f"Modelo cargado de modelos/{config.nombre}/ (lo guardó el cuaderno 03).")
            return modelo, datos
        avisar(f"el modelo de modelos/{config.nombre}/ se entrenó con otros datos o tamaños; se entrena de nuevo.")
    except FileNotFoundError:
        print(f"No hay modelo guardado en modelos/{config.nombre}/: se entrena ahora con la receta del cuaderno 03.")
    except ValueError as error:
        avisar(f"no se pudo usar el modelo guardado ({error}); se entrena de nuevo.")
    modelo, _ = entrenar_modelo(datos, config, verbose=0)
    guardar_modelo(modelo, datos.vocab, config, carpeta)
    return modelo, datos


# --- Camino ligero: one-hot dentro del modelo y lotes agrupados por longitud ---------------
@keras.saving.register_keras_serializable(package="seq2seq")
class CapaOneHot(layers.Layer):
    """Convierte índices enteros en vectores *one-hot* dentro del modelo; ``ID_RELLENO`` (-1) da una fila de ceros.

    Se explica en 03_modelo_de_entrenamiento.

    No tiene pesos. Está registrada, así que el ``.keras`` se carga con ``safe_mode=True`` (basta
    con importar ``utils.modelos``); una capa ``Lambda`` obligaría a ``safe_mode=False``.
    """

    def __init__(self, num_tokens: int, **kwargs):
        super().__init__(**kwargs)
        self.num_tokens = int(num_tokens)

    def call(self, ids):
        return keras.ops.one_hot(keras.ops.cast(ids, "int32"), self.num_tokens, dtype=self.compute_dtype)

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.num_tokens)

    def get_config(self) -> dict:
        return {**super().get_config(), "num_tokens": self.num_tokens}


def construir_modelo_ligero(num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int) -> keras.Model:
    """El modelo clásico con entradas de enteros (``encoder_ids``, ``decoder_ids``) y el *one-hot* dentro.

    Se explica en 03_modelo_de_entrenamiento.

    Las capas ``CapaOneHot`` se llaman ``encoder_inputs`` y ``decoder_inputs`` (dan lo mismo que
    las entradas del modelo clásico) y las LSTM y la densa conservan sus nombres: los mismos
    parámetros, los mismos pesos intercambiables con ``set_weights``, y
    ``construir_modelos_inferencia`` funciona igual (sus modelos de inferencia reciben *one-hot*).
    """
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    encoder_inputs = CapaOneHot(num_encoder_tokens, name="encoder_inputs")(encoder_ids)
    decoder_inputs = CapaOneHot(num_decoder_tokens, name="decoder_inputs")(decoder_ids)
    _, state_h, state_c = layers.LSTM(latent_dim, return_state=True, name="encoder_lstm")(encoder_inputs)
    decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True, name="decoder_lstm")
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
    decoder_outputs = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")(decoder_outputs)
    return keras.Model([encoder_ids, decoder_ids], decoder_outputs, name="seq2seq_ligero")


class LotesPorLongitud(keras.utils.PyDataset):
    """Lotes de enteros con frases de longitud parecida, cada uno recortado a su frase más larga.

    Se explica en 03_modelo_de_entrenamiento.

    Cada lote es ``((encoder_input_ids, decoder_input_ids), decoder_target_ids)``. Solo se recorta
    el decodificador: es causal, y el relleno del final no cambia sus salidas en los pasos reales.
    El codificador conserva sus ``max_encoder_seq_length`` pasos, porque su estado final sí
    depende de cuántas filas de relleno lee (y al traducir las lee todas). Con ``barajar=True``
    cada época rehace los lotes al azar, de forma reproducible con ``semilla``.
    """

    def __init__(self, encoder_input_ids, decoder_input_ids, decoder_target_ids, batch_size: int = 64,
                 semilla: int = 42, barajar: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.arreglos = tuple(np.asarray(a) for a in (encoder_input_ids, decoder_input_ids, decoder_target_ids))
        self.longitudes = longitudes_sin_relleno(self.arreglos[1])
        self.batch_size = batch_size
        self.rng = np.random.default_rng(semilla) if barajar else None
        self.on_epoch_end()

    def on_epoch_end(self) -> None:
        self.lotes = agrupar_por_longitud(self.longitudes, self.batch_size, self.rng)
        # Keras deduce la forma de todos los lotes de los dos primeros: si tuvieran la misma
        # longitud, la fijaría y fallaría con los demás. El 2.º pasa a ser uno de otra longitud.
        pasos = [int(self.longitudes[lote].max()) for lote in self.lotes]
        otro = next((i for i in range(1, len(pasos)) if pasos[i] != pasos[0]), None)
        if otro is not None:
            self.lotes[1], self.lotes[otro] = self.lotes[otro], self.lotes[1]

    def __len__(self) -> int:
        return len(self.lotes)

    def __getitem__(self, indice: int):
        lote = self.lotes[indice]
        pasos = int(self.longitudes[lote].max())
        encoder_input_ids, decoder_input_ids, decoder_target_ids = self.arreglos
        return (encoder_input_ids[lote], decoder_input_ids[lote, :pasos]), decoder_target_ids[lote, :pasos]


def perdida_por_caracter(modelo: keras.Model, lotes: LotesPorLongitud) -> float:
    """Entropía cruzada media por carácter real (sin relleno) sobre unos lotes de enteros.

    Se explica en 03_modelo_de_entrenamiento.

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
