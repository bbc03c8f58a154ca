"""Etapa de modelos: el modelo de entrenamiento, la receta que aprende, los de inferencia y el preentrenado.

- ``construir_modelo_entrenamiento`` y la receta clásica (``entrenar_clasico``) se enseñan en
  ``03_modelo_de_entrenamiento``.
- La receta que aprende (``CapaOneHot``, ``construir_modelo_ligero``, ``LotesPorLongitud``,
  ``compilar_receta``, ``entrenar_modelo``) se enseña en ``04_una_receta_que_aprende``.
- ``construir_modelos_inferencia``, el modelo preentrenado (``cargar_preentrenado``) y el de los
  cuadernos 05–07 (``cargar_modelo_del_curso``) se enseñan en ``05_modelos_de_inferencia``.

Guardar, comprobar y cargar los modelos (el paquete del curso) está en ``utils.paquetes``.

Las capas llevan nombre para que los modelos de inferencia las encuentren por nombre, también
tras ``load_model``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import keras
import numpy as np
from keras import layers

from utils.configuracion import DIR_MODELOS, DIR_PREENTRENADO, DIR_RECETA, Configuracion, avisar, fijar_semillas
from utils.datos import (
    CORPUS_CURSO,
    ID_RELLENO,
    DatosIds,
    DatosVectorizados,
    Vocabulario,
    agrupar_por_longitud,
    agregar_tokens,
    ids_a_one_hot,
    leer_pares,
    longitudes_sin_relleno,
    pares_utilizables,
    preparar_ids,
    vectorizar_one_hot,
)

from utils import paquetes

# El paquete guardado (guardar_modelo, cargar_modelo…) vive en utils.paquetes; estos nombres se
# siguen importando también de aquí, como antes, para los cuadernos y el código que ya los usan.
from utils.paquetes import (  # noqa: F401
    ARCHIVO_ENTRENAMIENTO,
    ARCHIVO_METADATOS,
    ARCHIVO_MODELO,
    ARCHIVO_VISTAS,
    CLAVE_SUMAS,
    PISTA_REENTRENAR,
    SUMA_METADATOS,
    TIPO_CARACTERES,
    VERSION_PAQUETE,
    cargar_modelo,
    cargar_paquete,
    comprobar_destino_de_paquete,
    escribir_paquete,
    guardar_modelo,
    leer_metadatos,
    resumir_lista,
    ruta_de_argumento,
)


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
ORDEN_REENTRENAR = "python benchmarks/entrenar_preentrenado.py --corpus RUTA/A/fra.txt"
# El de la receta del cuaderno 04 en «curso» (datos/receta/) tiene el mismo formato y otra orden.
ORDEN_RECETA = "python benchmarks/receta.py --corpus RUTA/A/fra.txt --epocas 8 --paquete datos/receta"


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
        return paquetes.vio(self.huellas_vistas, frase)


def cargar_preentrenado(carpeta: str | Path = DIR_PREENTRENADO) -> Preentrenado:
    """Carga el modelo que el curso trae ya entrenado (``datos/preentrenado/``), con sus comprobaciones.

    Se explica en 05_modelos_de_inferencia. Si falta algo o está dañado, el error dice qué
    archivo es y la orden que lo vuelve a entrenar. Carga también ``datos/receta/`` (la receta del
    cuaderno 04 en «curso», que lo usa antes: tiene el mismo formato).
    """
    carpeta = ruta_de_argumento(carpeta, "carpeta")
    orden = ORDEN_RECETA if carpeta.resolve() == DIR_RECETA.resolve() else ORDEN_REENTRENAR
    pista = f"Recupéralo con `git checkout -- {_ruta_legible(carpeta)}` o vuelve a entrenarlo con `{orden}`."
    for nombre in (ARCHIVO_ENTRENAMIENTO, ARCHIVO_VISTAS):
        if not (carpeta / nombre).is_file():
            raise FileNotFoundError(f"falta {nombre} en el modelo preentrenado {_ruta_legible(carpeta)}. {pista}")
    try:
        modelo, vocab, configuracion = cargar_modelo(carpeta)
    except (FileNotFoundError, ValueError) as error:
        raise type(error)(f"el modelo preentrenado de {_ruta_legible(carpeta)} no se puede usar: {error} {pista}") from error
    try:
        entrenamiento = json.loads((carpeta / ARCHIVO_ENTRENAMIENTO).read_text(encoding="utf-8"))
        huellas = paquetes.huellas_vistas(carpeta)
        comprobar_entrenamiento(entrenamiento)
    except (ValueError, OSError, EOFError) as error:
        raise ValueError(
            f"{ARCHIVO_ENTRENAMIENTO} o {ARCHIVO_VISTAS} del modelo preentrenado están dañados ({error}). {pista}"
        ) from error
    return Preentrenado(modelo, vocab, configuracion, entrenamiento, huellas)


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
