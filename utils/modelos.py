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

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import keras
import numpy as np
from keras import layers

from utils.configuracion import DIR_MODELOS, DIR_PREENTRENADO, Configuracion, avisar, fijar_semillas
from utils.datos import (
    ID_RELLENO,
    DatosIds,
    DatosVectorizados,
    Vocabulario,
    agrupar_por_longitud,
    huella,
    ids_a_one_hot,
    longitudes_sin_relleno,
    preparar_ids,
)

ARCHIVO_MODELO = "modelo.keras"
ARCHIVO_METADATOS = "metadatos.json"
VERSION_PAQUETE = 1  # cambia si cambia el formato del paquete guardado


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
    """
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


def guardar_modelo(modelo: keras.Model, vocab: Vocabulario, config: Configuracion, carpeta: str | Path) -> Path:
    """Guarda juntos el modelo (``.keras``), el vocabulario y la configuración, de forma atómica.

    Todo se escribe en una carpeta temporal y se renombra al final: una interrupción nunca
    deja un paquete a medias. Devuelve la carpeta.
    """
    carpeta = Path(carpeta)
    entrada, salida = _tamanos_del_modelo(modelo)
    if (entrada, salida) != (vocab.num_encoder_tokens, vocab.num_decoder_tokens):
        raise ValueError(
            f"el modelo espera {entrada} caracteres de entrada y {salida} de salida, pero el "
            f"vocabulario tiene {vocab.num_encoder_tokens} y {vocab.num_decoder_tokens}. "
            f"Guarda el vocabulario con el que se entrenó este modelo."
        )
    carpeta.parent.mkdir(parents=True, exist_ok=True)
    temporal = Path(tempfile.mkdtemp(prefix=f".{carpeta.name}.", dir=carpeta.parent))
    os.chmod(temporal, 0o755)  # mkdtemp la crea solo para su dueño (0700)
    try:
        modelo.save(temporal / ARCHIVO_MODELO)
        metadatos = {
            "version_paquete": VERSION_PAQUETE,
            "keras": keras.__version__,
            "vocabulario": vocab.a_diccionario(),
            "configuracion": {k: getattr(config, k) for k in config.__dataclass_fields__},
        }
        (temporal / ARCHIVO_METADATOS).write_text(json.dumps(metadatos, ensure_ascii=False, indent=1), encoding="utf-8")
        _reemplazar_carpeta(temporal, carpeta)
    finally:
        shutil.rmtree(temporal, ignore_errors=True)
    return carpeta


def _reemplazar_carpeta(nueva: Path, carpeta: Path) -> None:
    """Pone ``nueva`` en el lugar de ``carpeta``; si algo falla a medias, la anterior vuelve a su sitio."""
    anterior = carpeta.with_name(f".{carpeta.name}.anterior")
    shutil.rmtree(anterior, ignore_errors=True)  # restos de un guardado interrumpido antes
    if carpeta.exists():
        os.replace(carpeta, anterior)  # renombrar es atómico: la carpeta vieja sigue entera
    try:
        os.replace(nueva, carpeta)
    except BaseException:
        if anterior.exists() and not carpeta.exists():
            os.replace(anterior, carpeta)
        raise
    shutil.rmtree(anterior, ignore_errors=True)


def cargar_modelo(carpeta: str | Path) -> tuple[keras.Model, Vocabulario, dict]:
    """Carga un paquete de ``guardar_modelo`` (con ``safe_mode``) y comprueba que sus partes encajan.

    Devuelve ``(modelo, vocab, configuracion)``; lanza ``FileNotFoundError`` o ``ValueError``
    con un mensaje en español si falta algo o las piezas no corresponden entre sí.
    """
    carpeta = Path(carpeta)
    if not carpeta.is_dir():
        raise FileNotFoundError(
            f"no existe la carpeta del modelo guardado {carpeta.name!r}. Entrena y guarda el modelo "
            f"(cuaderno 03) o comprueba la ruta."
        )
    ruta_modelo, ruta_metadatos = carpeta / ARCHIVO_MODELO, carpeta / ARCHIVO_METADATOS
    for ruta in (ruta_modelo, ruta_metadatos):
        if not ruta.is_file():
            raise FileNotFoundError(
                f"falta {ruta.name} en el modelo guardado {carpeta.name!r}. Vuelve a entrenar y "
                f"guardar el modelo (cuaderno 03)."
            )
    try:
        metadatos = json.loads(ruta_metadatos.read_text(encoding="utf-8"))
        vocab = Vocabulario.desde_diccionario(metadatos["vocabulario"])
        configuracion = dict(metadatos["configuracion"])
        version = metadatos["version_paquete"]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{ruta_metadatos.name} de {carpeta.name!r} está dañado ({error!r}). Vuelve a guardar el modelo.") from error
    guardado_con = str(metadatos.get("keras", "?"))
    if guardado_con.split(".")[0] != keras.__version__.split(".")[0]:
        raise ValueError(
            f"el modelo {carpeta.name!r} se guardó con Keras {guardado_con} y aquí hay Keras "
            f"{keras.__version__}: el formato .keras no es compatible entre versiones mayores. "
            f"Instala requirements.txt o vuelve a entrenar el modelo."
        )
    if version != VERSION_PAQUETE:
        raise ValueError(
            f"el modelo {carpeta.name!r} se guardó con el formato {version} y este curso usa el "
            f"{VERSION_PAQUETE}. Vuelve a entrenarlo con esta versión del curso."
        )
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
    return modelo, vocab, configuracion


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
    num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int, enmascarar: bool = True
) -> keras.Model:
    """El modelo del curso con entradas de enteros (``encoder_ids``, ``decoder_ids``) y el *one-hot* dentro.

    Se explica en 04_una_receta_que_aprende.

    Es el modelo clásico de ``construir_modelo_entrenamiento``: las capas ``CapaOneHot`` se llaman
    ``encoder_inputs`` y ``decoder_inputs`` (dan lo mismo que las entradas del modelo clásico) y
    las LSTM y la densa conservan sus nombres, así que tiene los mismos parámetros y
    ``construir_modelos_inferencia`` funciona igual. Con ``enmascarar=True`` (por defecto) el
    codificador salta su relleno.
    """
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    encoder_inputs = CapaOneHot(num_encoder_tokens, enmascarar=enmascarar, name="encoder_inputs")(encoder_ids)
    decoder_inputs = CapaOneHot(num_decoder_tokens, name="decoder_inputs")(decoder_ids)
    _, state_h, state_c = layers.LSTM(latent_dim, return_state=True, name="encoder_lstm")(encoder_inputs)
    decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True, name="decoder_lstm")
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
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
    """

    def __init__(self, encoder_input_ids, decoder_input_ids, decoder_target_ids, batch_size: int = 64,
                 semilla: int = 42, barajar: bool = True, recortar_codificador: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.arreglos = tuple(np.asarray(a) for a in (encoder_input_ids, decoder_input_ids, decoder_target_ids))
        self.longitudes = longitudes_sin_relleno(self.arreglos[1])
        self.longitudes_codificador = longitudes_sin_relleno(self.arreglos[0])
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
            print(f"época {epoch + 1:>3}: pérdida {logs.get('loss', float('nan')):.3f}, "
                  f"validación {logs.get('val_loss', float('nan')):.3f} ({self.segundos[-1]:.0f} s)", flush=True)


def entrenar_modelo(
    datos: DatosIds, config: Configuracion, verbose: bool = True, callbacks: Sequence[keras.callbacks.Callback] = ()
) -> tuple[keras.Model, dict]:
    """La receta que aprende (cuaderno 04): enteros, codificador enmascarado, Adam con recorte, lotes por longitud.

    Partición por frase inglesa (``indices_de_validacion``), parada temprana sobre la pérdida de
    validación con los pesos de la mejor época. Fija las semillas al empezar. Devuelve
    ``(modelo, historial)``; con ``verbose`` imprime una línea por época.
    """
    fijar_semillas(config.semilla)
    vocab = datos.vocab
    entrenamiento, validacion = indices_de_validacion(datos.input_texts, config.fraccion_validacion, config.semilla)
    modelo = construir_modelo_ligero(vocab.num_encoder_tokens, vocab.num_decoder_tokens, config.latent_dim)
    compilar_receta(modelo, config.tasa_aprendizaje, config.clipnorm)
    parada = keras.callbacks.EarlyStopping(monitor="val_loss", patience=config.paciencia, restore_best_weights=True)
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
    carpeta = Path(carpeta)
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
        if not isinstance(entrenamiento, dict) or huellas.dtype != np.uint64 or huellas.ndim != 1:
            raise ValueError("contenido inesperado")
    except (ValueError, OSError, EOFError) as error:
        raise ValueError(
            f"{ARCHIVO_ENTRENAMIENTO} o {ARCHIVO_VISTAS} del modelo preentrenado están dañados ({error}). {pista}"
        ) from error
    return Preentrenado(modelo, vocab, configuracion, entrenamiento, np.sort(huellas))


def _ruta_legible(carpeta: Path) -> str:
    """La ruta relativa a la raíz del curso si está dentro (nunca una ruta absoluta de esta máquina)."""
    try:
        return carpeta.resolve().relative_to(DIR_MODELOS.parent).as_posix() + "/"
    except ValueError:
        return carpeta.name + "/"
