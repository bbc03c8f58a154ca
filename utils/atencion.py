"""Etapa de atención: el decodificador consulta en cada paso todas las salidas del codificador.

Se explica en ``09_atencion``, la última lección del curso. Reutiliza la receta que aprende de
``utils.modelos`` (``CapaOneHot`` con máscara, ``compilar_receta``, ``LotesPorLongitud``,
``entrenar_modelo``, ``guardar_modelo``/``cargar_modelo``) y añade:

- ``AtencionMultiplicativa``: la atención de Luong «general», registrada para ``safe_mode``;
- ``construir_modelo_atencion`` y ``construir_modelos_inferencia_atencion``, con capas con nombre;
- ``decodificar_lote_atencion``: la decodificación voraz por lotes que lleva consigo las salidas
  del codificador y su máscara (y devuelve los pesos de atención de cada paso);
- la medida de la calidad por longitud de la frase y sus gráficos (curva y mapas de atención).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers, ops

from utils.configuracion import Configuracion
from utils.datos import (
    FIN, ID_RELLENO, INICIO, DatosIds, Vocabulario, agregar_tokens, crear_vocabulario, ids_a_one_hot, leer_pares,
    longitudes_sin_relleno, vectorizar_ids,
)
from utils.decodificacion import decodificar_lote, pasos_maximos
from utils.evaluacion import agrupar_referencias, chrf_por_frase, evaluar_multirreferencia
from utils.graficos import mostrar_caracter
from utils.modelos import CapaOneHot, construir_modelos_inferencia, contar_parametros_lstm, indices_de_validacion


@keras.saving.register_keras_serializable(package="seq2seq")
class AtencionMultiplicativa(layers.Layer):
    """Atención de Luong «general»: puntuación ``h_t · (h̄_s W_a)``, *softmax* con máscara y media ponderada.

    Se explica en 09_atencion.

    ``call(consulta, valores)`` recibe los estados del decodificador ``(N, T_dec, u)`` y las
    salidas del codificador ``(N, T_enc, u)`` y devuelve ``(contexto, pesos)``: ``(N, T_dec, u)`` y
    ``(N, T_dec, T_enc)``. La máscara de los valores (``valores_mask``, ``True`` en los caracteres
    reales) llega sola desde ``CapaOneHot(enmascarar=True)`` o se pasa a mano; el relleno recibe
    peso 0. Su único peso es la matriz ``W_a``. Da lo mismo que ``keras.layers.Attention`` con
    ``[consulta, valores, valores @ W_a]``.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True  # contexto y pesos llevan la máscara de la consulta: un paso del decodificador por fila

    def build(self, consulta_shape, valores_shape):
        self.w_a = self.add_weight(name="w_a", shape=(valores_shape[-1], consulta_shape[-1]), initializer="glorot_uniform")

    def call(self, consulta, valores, valores_mask=None):
        claves = ops.matmul(valores, self.w_a)  # k_s = h̄_s W_a: una clave por posición s del codificador
        puntuaciones = ops.matmul(consulta, ops.swapaxes(claves, -2, -1))  # e[t, s] = h_t · k_s: (N, T_dec, T_enc)
        if valores_mask is not None:  # el relleno se hunde a -10⁹ (-6·10⁴ en float16, su máximo): su exponencial es 0
            hundir = 1e9 if keras.backend.standardize_dtype(puntuaciones.dtype) != "float16" else 6e4
            puntuaciones = ops.where(ops.expand_dims(valores_mask, -2), puntuaciones, puntuaciones - hundir)
        pesos = ops.softmax(puntuaciones, axis=-1)
        return ops.matmul(pesos, valores), pesos


def construir_modelo_atencion(num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int) -> keras.Model:
    """El modelo ligero del curso con atención entre el decodificador y la capa de salida.

    Se explica en 09_atencion. El codificador devuelve todas sus salidas (``return_sequences=True``)
    y sigue pasando su estado final al decodificador; la capa ``atencion`` calcula el contexto de
    cada paso, ``atencion_combinar`` lo une al estado del decodificador
    (``tanh(W_c [contexto; h_t])``) y ``decoder_dense`` da las probabilidades. Mismos nombres que
    ``construir_modelo_ligero`` en las capas compartidas.
    """
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    encoder_inputs = CapaOneHot(num_encoder_tokens, enmascarar=True, name="encoder_inputs")(encoder_ids)
    decoder_inputs = CapaOneHot(num_decoder_tokens, name="decoder_inputs")(decoder_ids)
    encoder_outputs, state_h, state_c = layers.LSTM(
        latent_dim, return_sequences=True, return_state=True, name="encoder_lstm")(encoder_inputs)
    decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True, name="decoder_lstm")
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
    contexto, _ = AtencionMultiplicativa(name="atencion")(decoder_outputs, encoder_outputs)  # máscara: la de encoder_inputs
    combinado = layers.Concatenate(name="atencion_concatenar")([contexto, decoder_outputs])
    atencional = layers.Dense(latent_dim, activation="tanh", name="atencion_combinar")(combinado)
    decoder_outputs = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")(atencional)
    return keras.Model([encoder_ids, decoder_ids], decoder_outputs, name="seq2seq_atencion")


def tiene_atencion(modelo: keras.Model) -> bool:
    """``True`` si el modelo tiene la capa ``atencion`` de ``construir_modelo_atencion``."""
    return any(capa.name == "atencion" for capa in modelo.layers)


def construir_modelos_inferencia_atencion(modelo: keras.Model) -> tuple[keras.Model, keras.Model]:
    """Codificador (ids → salidas, h, c) y decodificador de un paso que lleva las salidas del codificador.

    Se explica en 09_atencion. El decodificador recibe ``[decoder_ids, encoder_outputs,
    encoder_mask, decoder_state_h, decoder_state_c]`` y devuelve ``[probabilidades, h, c, pesos]``.
    Las entradas son enteros, como al entrenar; todas tienen nombre y las capas entrenadas se
    buscan por nombre, así que funciona igual tras ``keras.saving.load_model``.
    """
    if not tiene_atencion(modelo):
        raise ValueError("este modelo no tiene atención: sus modelos de inferencia salen de "
                         "utils.modelos.construir_modelos_inferencia.")
    decoder_lstm = modelo.get_layer("decoder_lstm")
    latent_dim, codificador_dim = decoder_lstm.units, modelo.get_layer("encoder_lstm").units
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    encoder_outputs, state_h, state_c = modelo.get_layer("encoder_lstm")(modelo.get_layer("encoder_inputs")(encoder_ids))
    encoder_model = keras.Model(encoder_ids, [encoder_outputs, state_h, state_c], name="codificador_atencion")

    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    memoria = keras.Input(shape=(None, codificador_dim), name="encoder_outputs")
    mascara = keras.Input(shape=(None,), dtype="bool", name="encoder_mask")
    decoder_state_h = keras.Input(shape=(latent_dim,), name="decoder_state_h")
    decoder_state_c = keras.Input(shape=(latent_dim,), name="decoder_state_c")
    decoder_inputs = modelo.get_layer("decoder_inputs")(decoder_ids)
    decoder_outputs, new_h, new_c = decoder_lstm(decoder_inputs, initial_state=[decoder_state_h, decoder_state_c])
    contexto, pesos = modelo.get_layer("atencion")(decoder_outputs, memoria, valores_mask=mascara)
    combinado = modelo.get_layer("atencion_concatenar")([contexto, decoder_outputs])
    probabilidades = modelo.get_layer("decoder_dense")(modelo.get_layer("atencion_combinar")(combinado))
    decoder_model = keras.Model(
        [decoder_ids, memoria, mascara, decoder_state_h, decoder_state_c], [probabilidades, new_h, new_c, pesos],
        name="decodificador_atencion",
    )
    return encoder_model, decoder_model


def _ids_de_entrada(encoder_input_ids) -> np.ndarray:
    """La entrada del codificador como enteros ``(N, T)`` con N ≥ 1 y T ≥ 1, o un error en español que dice qué llegó."""
    arreglo = np.asarray(encoder_input_ids)
    if arreglo.ndim != 2 or not (np.issubdtype(arreglo.dtype, np.integer) or arreglo.size == 0):
        raise ValueError(f"encoder_input_ids debe ser un arreglo de enteros de forma (frases, caracteres), no uno de "
                         f"forma {arreglo.shape} y tipo {arreglo.dtype}: conviértelo con vectorizar_ids (cuaderno 03).")
    if arreglo.shape[0] == 0 or arreglo.shape[1] == 0:
        raise ValueError(f"no hay ninguna frase que decodificar (encoder_input_ids tiene forma {arreglo.shape}): "
                         "pasa al menos una frase con al menos un carácter.")
    return arreglo.astype("int32")


def decodificar_lote_atencion(
    encoder_input_ids: np.ndarray, encoder_model: keras.Model, decoder_model: keras.Model, vocab: Vocabulario,
    devolver_pesos: bool = False,
) -> list[str] | tuple[list[str], list[np.ndarray]]:
    """Decodificación voraz de muchas frases a la vez, con atención: una llamada al decodificador por paso.

    Se explica en 09_atencion. Como ``decodificar_lote`` (cuaderno 06), pero la entrada son enteros
    (relleno ``ID_RELLENO``) y en cada paso el decodificador recibe también las salidas del
    codificador y su máscara, que no cambian. Con ``devolver_pesos=True`` devuelve además, por
    frase, los pesos de atención ``(caracteres generados + 1, caracteres de la entrada)``: una
    fila por paso, la última la del paso que eligió ``\\n`` (si terminó).
    """
    encoder_input_ids = _ids_de_entrada(encoder_input_ids)
    n = len(encoder_input_ids)
    encoder_mask = encoder_input_ids != ID_RELLENO
    encoder_outputs, h, c = encoder_model.predict_on_batch(encoder_input_ids)
    actuales = np.full((n, 1), vocab.target_token_index[INICIO], dtype="int32")
    fin = vocab.target_token_index[FIN]
    terminadas = np.zeros(n, dtype=bool)
    generados: list[list[str]] = [[] for _ in range(n)]
    pesos_por_paso = []
    for _ in range(pasos_maximos(vocab)):
        probabilidades, h, c, pesos = decoder_model.predict_on_batch([actuales, encoder_outputs, encoder_mask, h, c])
        pesos_por_paso.append(pesos[:, -1, :])
        actuales = np.argmax(probabilidades[:, -1, :], axis=-1).astype("int32")[:, np.newaxis]
        terminadas |= actuales[:, 0] == fin
        for i in np.flatnonzero(~terminadas):
            generados[i].append(vocab.reverse_target_char_index[int(actuales[i, 0])])
        if terminadas.all():
            break
    textos = ["".join(caracteres) for caracteres in generados]
    if not devolver_pesos:
        return textos
    pesos = np.stack(pesos_por_paso, axis=1)
    longitudes = encoder_mask.sum(axis=1)
    return textos, [pesos[i, : len(t) + 1, : longitudes[i]] for i, t in enumerate(textos)]


def traducir_lote(modelo: keras.Model, encoder_input_ids: np.ndarray, vocab: Vocabulario, lote: int = 512) -> list[str]:
    """Traducciones voraces de un modelo con o sin atención, de ``lote`` en ``lote`` frases (entrada en enteros).

    Se explica en 09_atencion: con atención, ``decodificar_lote_atencion``; sin ella, ``decodificar_lote``
    del cuaderno 06 con la entrada en *one-hot*.
    """
    con_atencion = tiene_atencion(modelo)
    inferencia = construir_modelos_inferencia_atencion(modelo) if con_atencion else construir_modelos_inferencia(modelo)
    salidas: list[str] = []
    for inicio in range(0, len(encoder_input_ids), lote):
        ids = np.asarray(encoder_input_ids[inicio : inicio + lote])
        ids = ids[:, : max(int(longitudes_sin_relleno(ids).max()), 1)]  # sin columnas de solo relleno
        if con_atencion:
            salidas += decodificar_lote_atencion(ids, *inferencia, vocab)
        else:
            salidas += decodificar_lote(ids_a_one_hot(ids, vocab.num_encoder_tokens), *inferencia, vocab)
    return salidas


# --- ¿Cuántos parámetros? -----------------------------------------------------------------------
def contar_parametros(num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int, atencion: bool) -> int:
    """Parámetros del modelo ligero (``atencion=False``) o del modelo con atención, por fórmula.

    Se explica en 09_atencion: dos LSTM y la densa de salida; la atención añade ``W_a`` (u·u) y
    ``atencion_combinar`` (2u·u + u).
    """
    u = latent_dim
    total = contar_parametros_lstm(u, num_encoder_tokens) + contar_parametros_lstm(u, num_decoder_tokens)
    total += u * num_decoder_tokens + num_decoder_tokens
    return total + (u * u + 2 * u * u + u if atencion else 0)


def latent_dim_equivalente(num_encoder_tokens: int, num_decoder_tokens: int, latent_dim: int) -> int:
    """``latent_dim`` de un modelo sin atención con (casi) tantos parámetros como el de atención con ``latent_dim``.

    Se explica en 09_atencion: para comparar los dos modelos con el mismo presupuesto de parámetros.
    """
    objetivo = contar_parametros(num_encoder_tokens, num_decoder_tokens, latent_dim, atencion=True)
    candidatos = range(latent_dim, 2 * latent_dim + 1)
    return min(candidatos, key=lambda u: abs(contar_parametros(num_encoder_tokens, num_decoder_tokens, u, False) - objetivo))


# --- Datos que cubren todas las longitudes ----------------------------------------------------
def muestra_de_pares(ruta: str | Path, num_pares: int, semilla: int = 42, max_caracteres: int = 45) -> DatosIds:
    """Una muestra al azar y reproducible de ``num_pares`` pares de todo el archivo, en su orden, como ``DatosIds``.

    Se explica en 09_atencion. Tatoeba está ordenado por longitud: los primeros pares son todos
    cortos, y una muestra al azar conserva las frases largas. Solo entran frases inglesas de
    ``max_caracteres`` caracteres como mucho (el archivo completo tiene algunas de cientos).
    """
    corpus = leer_pares(ruta)
    candidatos = np.flatnonzero([len(frase) <= max_caracteres for frase in corpus.ingles])
    rng = np.random.default_rng(semilla)
    elegidos = np.sort(rng.choice(candidatos, size=min(num_pares, len(candidatos)), replace=False))
    input_texts = [corpus.ingles[i] for i in elegidos]
    target_texts = [agregar_tokens(corpus.frances[i]) for i in elegidos]
    vocab = crear_vocabulario(input_texts, target_texts)
    return DatosIds(input_texts, target_texts, vocab, *vectorizar_ids(input_texts, target_texts, vocab))


def frases_reservadas(datos: DatosIds, config: Configuracion) -> tuple[list[str], list[list[str]], np.ndarray]:
    """Las frases inglesas de validación de ``entrenar_modelo`` (cada una una vez), sus referencias y sus enteros.

    Se explica en 09_atencion. La partición es la de ``indices_de_validacion`` con la semilla y la
    fracción de ``config``: el modelo no vio ninguna de estas frases al entrenar.
    """
    _, validacion = indices_de_validacion(datos.input_texts, config.fraccion_validacion, config.semilla)
    grupos = agrupar_referencias([datos.input_texts[i] for i in validacion], [datos.target_texts[i][1:-1] for i in validacion])
    primera = {}
    for i in validacion:
        primera.setdefault(datos.input_texts[i], i)
    frases = list(grupos)
    return frases, [grupos[f] for f in frases], datos.encoder_input_ids[[primera[f] for f in frases]]


# --- Calidad por longitud de la frase ----------------------------------------------------------
LIMITES_DE_LONGITUD = (10, 15, 20, 25, 30, 45)  # tramos de longitud de la frase inglesa (en caracteres)


def tramo_de_longitud(longitud: int, limites: Sequence[int] = LIMITES_DE_LONGITUD) -> str:
    """Nombre del tramo de una longitud: ``"1–10"``, ``"11–15"``… o ``"más de 45"``."""
    inferior = 1
    for limite in limites:
        if longitud <= limite:
            return f"{inferior}–{limite}"
        inferior = limite + 1
    return f"más de {limites[-1]}"


def calidad_por_longitud(
    frases: Sequence[str], salidas: Sequence[str], referencias: Sequence[Sequence[str]],
    limites: Sequence[int] = LIMITES_DE_LONGITUD,
) -> list[dict]:
    """chrF y salidas exactas (%) por tramo de longitud de la frase inglesa, con todas sus referencias.

    Se explica en 09_atencion. Devuelve una fila por tramo con frases, en orden de longitud:
    ``{"tramo", "frases", "chrf", "exactas"}``.
    """
    if not (len(frases) == len(salidas) == len(referencias)) or not len(frases):
        raise ValueError(f"calidad_por_longitud necesita el mismo número (al menos una) de frases ({len(frases)}), "
                         f"salidas ({len(salidas)}) y listas de referencias ({len(referencias)}).")
    grupos: dict[str, list[int]] = {}
    for i, frase in enumerate(frases):
        grupos.setdefault(tramo_de_longitud(len(frase), limites), []).append(i)
    filas = []
    for tramo in sorted(grupos, key=lambda t: len(frases[grupos[t][0]])):
        indices = grupos[tramo]
        medidas = evaluar_multirreferencia([salidas[i] for i in indices], [referencias[i] for i in indices])
        filas.append({"tramo": tramo, "frases": len(indices), "chrf": medidas["chrf"],
                      "exactas": medidas["coincidencia_exacta"]})
    return filas


def elegir_ejemplos(frases: Sequence[str], referencias: Sequence[Sequence[str]], salidas: Sequence[str]) -> list[tuple[int, str]]:
    """Frases para los mapas de atención: una corta acertada, una larga acertada y la larga peor traducida.

    Se explica en 09_atencion. Devuelve ``(índice, descripción)``; «corta» es el 20 % más corto y
    «larga» el 10 % más largo; falta la acertada si no hay ninguna.
    """
    chrf = chrf_por_frase(list(salidas), [r[0] for r in referencias])
    exacta = np.array([s in r for s, r in zip(salidas, referencias)])
    largo = np.array([len(f) for f in frases])
    cortas = np.flatnonzero(exacta & (largo <= np.percentile(largo, 20)))
    largas = np.flatnonzero(largo >= np.percentile(largo, 90))
    elegidas = []
    if len(cortas):
        elegidas.append((int(cortas[np.argmax(largo[cortas])]), "corta, bien traducida"))
    acertadas = largas[exacta[largas]]
    if len(acertadas):
        elegidas.append((int(acertadas[np.argmax(largo[acertadas])]), "larga, bien traducida"))
    elegidas.append((int(largas[np.argmin(chrf[largas])]), "larga, mal traducida"))
    return elegidas


def tabla_por_longitud(tablas: dict[str, list[dict]]) -> str:
    """Tabla Markdown con una fila por tramo y, por modelo, su chrF y sus salidas exactas (%)."""
    if not isinstance(tablas, dict) or not tablas:
        raise ValueError("tabla_por_longitud necesita al menos un modelo: {nombre: calidad_por_longitud(...)}.")
    tramos = {nombre: [f["tramo"] for f in filas] for nombre, filas in tablas.items()}
    if len({tuple(t) for t in tramos.values()}) > 1 or not next(iter(tramos.values())):
        raise ValueError(f"las tablas de los modelos deben tener los mismos tramos de longitud, y al menos uno: {tramos}. "
                         "Mide todos los modelos con las mismas frases.")
    nombres = list(tablas)
    cabecera = "| longitud (caracteres) | frases | " + " | ".join(f"chrF {n} | exactas {n} (%)" for n in nombres) + " |"
    lineas = [cabecera, "|---|---:|" + "---:|---:|" * len(nombres)]
    for filas in zip(*tablas.values()):
        celdas = " | ".join(f"{f['chrf']:.1f} | {f['exactas']:.1f}" for f in filas)
        lineas.append(f"| {filas[0]['tramo']} | {filas[0]['frases']} | {celdas} |")
    return "\n".join(lineas)


# --- Gráficos -------------------------------------------------------------------------------------
def graficar_calidad_por_longitud(tablas: dict[str, list[dict]], titulo: str = "Calidad según la longitud de la frase"):
    """chrF y salidas exactas (%) por tramo de longitud, una línea por modelo; devuelve la figura."""
    fig, ejes = plt.subplots(1, 2, figsize=(11, 4))
    for eje, clave, etiqueta in zip(ejes, ("chrf", "exactas"), ("chrF", "salidas exactas (%)")):
        for (nombre, filas), marca in zip(tablas.items(), ("o-", "s--", "^:", "d-.")):
            eje.plot([f["tramo"] for f in filas], [f[clave] for f in filas], marca, label=nombre)
        eje.set_xlabel("longitud de la frase inglesa (caracteres)")
        eje.set_ylabel(etiqueta)
        eje.set_ylim(bottom=0)
        eje.grid(alpha=0.3)
        eje.legend()
    fig.suptitle(titulo)
    fig.tight_layout()
    return fig


def graficar_atencion(pesos: np.ndarray, entrada: str, salida: str, titulo: str = "", eje=None):
    """Mapa de calor de los pesos de atención: la frase inglesa en columnas y la salida (con ⟨fin⟩) en filas."""
    if eje is None:
        _, eje = plt.subplots(figsize=(max(4.0, 0.3 * len(entrada) + 2), max(3.0, 0.3 * len(pesos) + 1.5)))
    filas = [mostrar_caracter(c) for c in salida + FIN][: len(pesos)]
    imagen = eje.imshow(pesos, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    eje.set_xticks(range(len(entrada)), [mostrar_caracter(c) for c in entrada], fontsize=8)
    eje.set_yticks(range(len(filas)), filas, fontsize=8)
    eje.set_xlabel("frase inglesa (lo que lee el codificador)")
    eje.set_ylabel("salida (un carácter por paso)")
    eje.set_title(titulo, fontsize=10)
    eje.figure.colorbar(imagen, ax=eje, label="peso de atención", fraction=0.04)
    return eje.figure


def graficar_ejemplos_de_atencion(
    modelo: keras.Model, frases: Sequence[str], frases_ids: np.ndarray, referencias: Sequence[Sequence[str]],
    salidas: Sequence[str], vocab: Vocabulario,
):
    """Mapas de atención, uno al lado de otro, de las frases de ``elegir_ejemplos``; devuelve ``(figura, ejemplos)``.

    Se explica en 09_atencion. Cada ejemplo es ``{"descripcion", "ingles", "salida", "referencias"}``.
    """
    elegidas = elegir_ejemplos(frases, referencias, salidas)
    encoder_model, decoder_model = construir_modelos_inferencia_atencion(modelo)
    fig, ejes = plt.subplots(1, len(elegidas), figsize=(6.5 * len(elegidas), 6.5), squeeze=False)
    ejemplos = []
    for eje, (i, descripcion) in zip(ejes[0], elegidas):
        ids = frases_ids[i : i + 1, : len(frases[i])]
        (salida,), (pesos,) = decodificar_lote_atencion(ids, encoder_model, decoder_model, vocab, devolver_pesos=True)
        graficar_atencion(pesos, frases[i], salida, f"{descripcion}\n{frases[i]} → {salida}", eje=eje)
        ejemplos.append({"descripcion": descripcion, "ingles": frases[i], "salida": salida, "referencias": list(referencias[i])})
    fig.tight_layout()
    return fig, ejemplos


# --- Atención sobre palabras: el modelo del cuaderno 08 con atención ---------------------------
def construir_modelo_palabras_atencion(num_encoder_tokens: int, num_decoder_tokens: int, embedding_dim: int = 256,
                                       unidades: int = 256, capas: int = 2, dropout: float = 0.0,
                                       contexto_en_capas: bool = False, estado_inicial: bool = True,
                                       bidireccional: bool = False) -> keras.Model:
    """El traductor de palabras del cuaderno 08 (``Embedding`` + GRU de ``capas`` capas) con atención de Luong.

    Se explica en 09_atencion. Todo es igual que en ``palabras.construir_modelo_palabras`` (mismos
    nombres de capa, el estado final de cada capa del codificador inicia su gemela), y además:
    la capa ``atencion`` consulta las salidas de la última GRU del codificador (la máscara del relleno
    llega sola desde ``mask_zero=True``), ``atencion_combinar`` calcula ``tanh(W_c [contexto; h_t])`` y
    ``decoder_dense`` da las probabilidades.

    Con ``contexto_en_capas=False`` (Luong), la consulta es la salida de la última GRU del decodificador.
    Con ``True`` (como GNMT), la consulta es la salida de la **primera** GRU del decodificador y el
    contexto entra también en cada GRU de encima (``atencion_concatenar_2``…): las capas recurrentes
    saben en cada paso qué parte de la frase inglesa se está traduciendo, y el entrenamiento sigue
    siendo de una pasada (la consulta no depende de la salida del paso anterior).

    Con ``estado_inicial=False`` el decodificador empieza de cero, sin el resumen del codificador: lo
    único que sabe de la frase inglesa es lo que le da la atención, así que tiene que aprender a
    alinear (con el resumen, la atención puede quedarse en un sumidero que no consulta nada: lo mide
    el cuaderno 09). Las GRU del codificador no devuelven entonces su estado. Con ``bidireccional=True``
    (solo sin estado inicial) cada capa del codificador es una GRU en cada sentido, de ``unidades // 2``
    cada una: la salida de la palabra ``s`` resume lo que hay antes y después de ella (Bahdanau et al.).
    """
    if bidireccional and estado_inicial:
        raise ValueError("bidireccional=True necesita estado_inicial=False: un codificador en los dos sentidos no tiene "
                         "un estado final por capa que pasar al decodificador.")
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    x = layers.Embedding(num_encoder_tokens, embedding_dim, mask_zero=True, name="encoder_embedding")(encoder_ids)
    if dropout:
        x = layers.Dropout(dropout, name="encoder_dropout")(x)
    estados = []
    for capa in range(1, capas + 1):
        if bidireccional:
            x, estado = layers.Bidirectional(layers.GRU(unidades // 2, return_sequences=True), name=f"encoder_gru_{capa}")(x), None
        elif estado_inicial:
            x, estado = layers.GRU(unidades, return_sequences=True, return_state=True, name=f"encoder_gru_{capa}")(x)
        else:
            x, estado = layers.GRU(unidades, return_sequences=True, name=f"encoder_gru_{capa}")(x), None
        estados.append(estado)
    y = layers.Embedding(num_decoder_tokens, embedding_dim, mask_zero=True, name="decoder_embedding")(decoder_ids)
    if dropout:
        y = layers.Dropout(dropout, name="decoder_dropout")(y)
    capa_atencion = AtencionMultiplicativa(name="atencion")
    contexto = None
    for capa, estado in enumerate(estados, start=1):
        if contexto is not None:
            y = layers.Concatenate(name=f"atencion_concatenar_{capa}")([contexto, y])
        y, _ = layers.GRU(unidades, return_sequences=True, return_state=True, name=f"decoder_gru_{capa}")(
            y, **({"initial_state": estado} if estado is not None else {}))
        if contexto_en_capas and capa == 1:
            contexto, _ = capa_atencion(y, x)
    if not contexto_en_capas:
        contexto, _ = capa_atencion(y, x)
    combinado = layers.Concatenate(name="atencion_concatenar")([contexto, y])
    atencional = layers.Dense(unidades, activation="tanh", name="atencion_combinar")(combinado)
    if dropout:
        atencional = layers.Dropout(dropout, name="salida_dropout")(atencional)
    probabilidades = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")(atencional)
    return keras.Model([encoder_ids, decoder_ids], probabilidades, name="seq2seq_palabras_atencion")


def es_bidireccional(modelo: keras.Model) -> bool:
    """``True`` si el codificador lee en los dos sentidos (``bidireccional=True``)."""
    return isinstance(modelo.get_layer("encoder_gru_1"), layers.Bidirectional)


def _dimension_de_salida(capa) -> int:
    """Números por posición que da una GRU del codificador (el doble de unidades si es bidireccional)."""
    return 2 * capa.forward_layer.units if isinstance(capa, layers.Bidirectional) else capa.units


def usa_estado_inicial(modelo: keras.Model) -> bool:
    """``True`` si el decodificador empieza con los estados finales del codificador (sus GRU los devuelven)."""
    return bool(modelo.get_layer("encoder_gru_1").return_state)


def contexto_en_capas(modelo: keras.Model) -> bool:
    """``True`` si el contexto de la atención entra en las GRU de encima de la primera (``atencion_concatenar_2``)."""
    return any(capa.name == "atencion_concatenar_2" for capa in modelo.layers)


def construir_modelos_inferencia_palabras_atencion(modelo: keras.Model) -> tuple[keras.Model, keras.Model]:
    """Codificador (ids → salidas de la última capa y un estado por capa) y paso del decodificador con atención.

    Se explica en 09_atencion. El paso recibe ``[decoder_ids, encoder_outputs, encoder_mask,
    decoder_state_1, …]`` y devuelve ``[probabilidades, estado_1, …, pesos]``. Si el modelo no usa el
    estado del codificador (``estado_inicial=False``), el codificador devuelve solo sus salidas y el
    decodificador empieza con estados a cero. Las capas entrenadas se buscan por nombre, así que
    sirve igual tras ``keras.saving.load_model``.
    """
    from utils.palabras import numero_de_capas

    if not tiene_atencion(modelo):
        raise ValueError("este modelo no tiene atención: sus modelos de inferencia salen de "
                         "utils.palabras.construir_modelos_inferencia_palabras.")
    capas, en_capas, con_estado = numero_de_capas(modelo), contexto_en_capas(modelo), usa_estado_inicial(modelo)
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    x = modelo.get_layer("encoder_embedding")(encoder_ids)
    estados = []
    for capa in range(1, capas + 1):
        if con_estado:
            x, estado = modelo.get_layer(f"encoder_gru_{capa}")(x)
            estados.append(estado)
        else:
            x = modelo.get_layer(f"encoder_gru_{capa}")(x)
    encoder_model = keras.Model(encoder_ids, [x, *estados], name="codificador_palabras_atencion")

    unidades = modelo.get_layer("decoder_gru_1").units
    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    memoria = keras.Input(shape=(None, _dimension_de_salida(modelo.get_layer(f"encoder_gru_{capas}"))), name="encoder_outputs")
    mascara_memoria = keras.Input(shape=(None,), dtype="bool", name="encoder_mask")
    entradas = [keras.Input(shape=(unidades,), name=f"decoder_state_{capa}") for capa in range(1, capas + 1)]
    y = modelo.get_layer("decoder_embedding")(decoder_ids)
    nuevos, contexto, pesos = [], None, None
    for capa, estado in enumerate(entradas, start=1):
        if contexto is not None:
            y = modelo.get_layer(f"atencion_concatenar_{capa}")([contexto, y])
        y, nuevo = modelo.get_layer(f"decoder_gru_{capa}")(y, initial_state=estado)
        nuevos.append(nuevo)
        if en_capas and capa == 1:
            contexto, pesos = modelo.get_layer("atencion")(y, memoria, valores_mask=mascara_memoria)
    if not en_capas:
        contexto, pesos = modelo.get_layer("atencion")(y, memoria, valores_mask=mascara_memoria)
    combinado = modelo.get_layer("atencion_concatenar")([contexto, y])
    probabilidades = modelo.get_layer("decoder_dense")(modelo.get_layer("atencion_combinar")(combinado))
    decoder_model = keras.Model([decoder_ids, memoria, mascara_memoria, *entradas], [probabilidades, *nuevos, pesos],
                                name="decodificador_palabras_atencion")
    return encoder_model, decoder_model


def decodificar_lote_palabras_atencion(encoder_input_ids: np.ndarray, encoder_model: keras.Model,
                                       decoder_model: keras.Model, vocab, devolver_pesos: bool = False,
                                       prohibir_unk: bool = False):
    """Decodificación voraz por lotes con atención: los tokens franceses de cada frase (sin ``<fin>``).

    Se explica en 09_atencion. Como ``palabras.decodificar_lote_palabras``, pero cada paso recibe
    también las salidas del codificador y su máscara. Con ``devolver_pesos=True`` devuelve además,
    por frase, los pesos ``(palabras generadas + 1, palabras de la entrada)``: la última fila es la
    del paso que eligió ``<fin>`` (si terminó).
    """
    from utils.palabras import ID_DESCONOCIDA, ID_FIN, ID_INICIO
    from utils.palabras import ID_RELLENO as RELLENO_PALABRAS

    encoder_input_ids = _ids_de_entrada(encoder_input_ids)
    n = len(encoder_input_ids)
    encoder_mask = encoder_input_ids != RELLENO_PALABRAS
    salidas = encoder_model.predict_on_batch(encoder_input_ids)
    memoria, *estados = salidas if isinstance(salidas, (list, tuple)) else [salidas]
    if not estados:  # el decodificador empieza de cero (estado_inicial=False)
        estados = [np.zeros((n, entrada.shape[-1]), dtype="float32") for entrada in decoder_model.inputs[3:]]
    actuales = np.full((n, 1), ID_INICIO, dtype="int32")
    terminadas = np.zeros(n, dtype=bool)
    generadas: list[list[str]] = [[] for _ in range(n)]
    prohibidos = [RELLENO_PALABRAS, ID_INICIO, *([ID_DESCONOCIDA] if prohibir_unk else [])]
    pesos_por_paso = []
    for _ in range(vocab.max_tokens_fr + 1):  # la frase más larga y su <fin>
        probabilidades, *estados, pesos = decoder_model.predict_on_batch([actuales, memoria, encoder_mask, *estados])
        pesos_por_paso.append(pesos[:, -1, :])
        probabilidades = np.array(probabilidades[:, -1, :], dtype="float64")
        probabilidades[:, prohibidos] = -1.0
        elegidos = np.argmax(probabilidades, axis=-1)
        terminadas |= elegidos == ID_FIN
        for i in np.flatnonzero(~terminadas):
            generadas[i].append(vocab.index2word_fr[int(elegidos[i])])
        if terminadas.all():
            break
        actuales = elegidos[:, np.newaxis].astype("int32")
    if not devolver_pesos:
        return generadas
    pesos = np.stack(pesos_por_paso, axis=1)
    longitudes = encoder_mask.sum(axis=1)
    return generadas, [pesos[i, : len(t) + 1, : longitudes[i]] for i, t in enumerate(generadas)]


def traducir_ids_palabras(modelo: keras.Model, vocab, frases: Sequence[str], lote: int = 512,
                          terminadas: list | None = None) -> list[str]:
    """Traducciones voraces (texto francés) de frases inglesas con un modelo de palabras, con o sin atención.

    Se explica en 09_atencion. Las palabras desconocidas se leen como ``unk``; las frases de más de
    ``vocab.max_tokens_en`` tokens se recortan (compruébalas antes si eso importa: ``traducir_palabras``
    da el error en español). Si se pasa la lista ``terminadas``, se le añade, por frase, si la salida
    terminó con ``<fin>`` antes del límite de palabras.
    """
    from utils.palabras import (
        construir_modelos_inferencia_palabras, decodificar_lote_palabras, normalizar, rellenar, tokenizar, tokens_a_ids,
        unir_frances,
    )

    con_atencion = tiene_atencion(modelo)
    inferencia = (construir_modelos_inferencia_palabras_atencion(modelo) if con_atencion
                  else construir_modelos_inferencia_palabras(modelo))
    decodificar = decodificar_lote_palabras_atencion if con_atencion else decodificar_lote_palabras
    salidas: list[str] = []
    for inicio in range(0, len(frases), lote):
        ids = [tokens_a_ids(tokenizar(normalizar(f), "inglés"), vocab.word2index_en)[: vocab.max_tokens_en]
               for f in frases[inicio : inicio + lote]]
        entrada = rellenar([i or [0] for i in ids], max(1, max(len(i) for i in ids)))
        tokens = decodificar(entrada, *inferencia, vocab)
        salidas += [unir_frances(t, vocab) for t in tokens]
        if terminadas is not None:
            terminadas += [len(t) <= vocab.max_tokens_fr for t in tokens]
    return salidas


def pesos_con_forzado(modelo: keras.Model, encoder_input_ids: np.ndarray, decoder_input_ids: np.ndarray) -> np.ndarray:
    """Los pesos de atención ``(N, T_dec, T_enc)`` del modelo de entrenamiento con el forzado del profesor.

    Se explica en 09_atencion: la fila ``t`` son los pesos con los que el modelo predice la palabra
    ``t`` de la traducción de referencia (``decoder_input_ids`` = ``<inicio>`` + la referencia).
    """
    if not tiene_atencion(modelo):
        raise ValueError("este modelo no tiene atención: no hay pesos que mirar (usa un modelo de "
                         "construir_modelo_palabras_atencion o de construir_modelo_atencion).")
    sub = keras.Model(modelo.inputs, modelo.get_layer("atencion").output[1])
    return np.asarray(sub.predict_on_batch([np.asarray(encoder_input_ids, "int32"), np.asarray(decoder_input_ids, "int32")]))


def puntuacion_de_alineamiento(pesos: Sequence[np.ndarray], ancho: float = 1.0, minimo: int = 5) -> dict:
    """Cuánto se parece cada mapa a una alineación monótona: la masa de atención cerca de la diagonal.

    Se explica en 09_atencion. ``pesos``: un mapa ``(palabras francesas, palabras inglesas)`` por frase,
    sin la fila de ``<fin>`` ni el relleno. Para la palabra francesa ``t`` de ``T``, la diagonal pasa por
    la palabra inglesa ``d_t = t·(S−1)/(T−1)`` de ``S``; la **banda** son las posiciones a ``ancho``
    palabras o menos de ``d_t``. Solo cuentan las frases de al menos ``minimo`` palabras inglesas (en
    las cortas, cualquier mapa está cerca de la diagonal). Devuelve, como medias por palabra francesa:

    - ``masa_en_banda``: el peso total que cae en la banda;
    - ``maximo_en_banda``: la fracción de palabras cuyo peso máximo cae en la banda;
    - ``masa_uniforme`` y ``maximo_uniforme``: lo mismo para un mapa uniforme (todas las palabras
      inglesas con el mismo peso, cuyo máximo se toma en la primera): lo que da una atención difusa;
    - ``frases`` y ``palabras``: cuántas se midieron.
    """
    masas, maximos, masas_u, maximos_u, frases = [], [], [], [], 0
    for mapa in pesos:
        mapa = np.asarray(mapa, dtype="float64")
        if mapa.ndim != 2 or mapa.shape[1] < minimo or mapa.shape[0] < 1:
            continue
        filas, columnas = mapa.shape
        frases += 1
        diagonal = np.arange(filas) * (columnas - 1) / max(filas - 1, 1)
        banda = np.abs(np.arange(columnas)[np.newaxis, :] - diagonal[:, np.newaxis]) <= ancho
        masas += list((mapa * banda).sum(axis=1))
        maximos += list(banda[np.arange(filas), mapa.argmax(axis=1)])
        masas_u += list(banda.sum(axis=1) / columnas)
        maximos_u += list(banda[:, 0])
    if not frases:
        raise ValueError(f"ningún mapa tiene al menos {minimo} palabras inglesas: pasa frases más largas o baja minimo.")
    media = lambda valores: float(np.mean(valores))  # noqa: E731
    return {"masa_en_banda": media(masas), "maximo_en_banda": media(maximos), "masa_uniforme": media(masas_u),
            "maximo_uniforme": media(maximos_u), "frases": frases, "palabras": len(masas)}


def graficar_atencion_palabras(pesos: np.ndarray, tokens_en: Sequence[str], tokens_fr: Sequence[str], titulo: str = "",
                               eje=None):
    """Mapa de calor de los pesos de atención de un modelo de palabras: inglés en columnas, francés en filas."""
    if eje is None:
        _, eje = plt.subplots(figsize=(max(4.0, 0.55 * len(tokens_en) + 2), max(3.0, 0.45 * len(pesos) + 1.5)))
    filas = list(tokens_fr)[: len(pesos)]
    imagen = eje.imshow(pesos, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    eje.set_xticks(range(len(tokens_en)), list(tokens_en), rotation=60, ha="right", fontsize=9)
    eje.set_yticks(range(len(filas)), filas, fontsize=9)
    eje.set_xlabel("frase inglesa (una palabra por columna)")
    eje.set_ylabel("traducción (una palabra por paso)")
    eje.set_title(titulo, fontsize=10)
    eje.figure.colorbar(imagen, ax=eje, label="peso de atención", fraction=0.04)
    return eje.figure
