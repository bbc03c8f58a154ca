"""El Transformer sobre subpalabras (cuaderno 10): BPE, el tokenizador, las capas, el modelo y la decodificación.

Se explica en 10_transformer_subpalabras. Orden del módulo, el de la lección:

1. BPE escrito a mano sobre un corpus de juguete (``aprender_bpe``, ``aplicar_bpe``);
2. el tokenizador real del curso, SentencePiece en modo BPE (``Tokenizador``, ``entrenar_tokenizador``);
3. las capas: *embedding* compartido, codificación posicional, bloques del codificador y del decodificador;
4. el modelo (``construir_transformer``), su pérdida y su tasa de aprendizaje;
5. la decodificación voraz y en haz por lotes, y ``traducir_transformer`` para frases escritas por el usuario;
6. el paquete del curso (``"tipo": "transformer"``), que también evalúa ``benchmarks/calidad.py``:
   ``guardar_transformer``, ``cargar_transformer``, ``huellas_vistas`` y ``vio`` están en ``utils.paquetes``
   (y se pueden importar también de aquí).
"""

from __future__ import annotations

import base64
import io
import math
import warnings
from collections import Counter
from typing import Sequence

import keras
import numpy as np
from keras import layers, ops

# El paquete del curso (apartado 6) vive en utils.paquetes, con los de los demás modelos; estos
# nombres se siguen importando también de aquí, como antes.
from utils.paquetes import (  # noqa: F401
    TIPO_TRANSFORMER as TIPO,
    cargar_transformer,
    guardar_transformer,
    huellas_vistas,
    vio,
)

# Una frase de una sola subpalabra da un softmax sobre un eje de tamaño 1: es correcto (pesa 1), no un error.
warnings.filterwarnings("ignore", message="You are using a softmax over axis")

# --- 1. BPE a mano ---------------------------------------------------------------------------------
FIN_DE_PALABRA = "</w>"  # marca el final de cada palabra (Sennrich et al., 2016)


def palabras_como_simbolos(palabras: Sequence[str]) -> dict[tuple[str, ...], int]:
    """Cuenta las palabras y escribe cada una como tupla de caracteres más ``</w>``."""
    return {(*palabra, FIN_DE_PALABRA): n for palabra, n in Counter(palabras).items()}


def contar_pares(vocabulario: dict[tuple[str, ...], int]) -> Counter:
    """Cuántas veces aparece cada par de símbolos vecinos, pesado por la frecuencia de su palabra."""
    pares: Counter = Counter()
    for simbolos, n in vocabulario.items():
        for par in zip(simbolos, simbolos[1:]):
            pares[par] += n
    return pares


def fusionar(simbolos: Sequence[str], par: tuple[str, str]) -> tuple[str, ...]:
    """Une, de izquierda a derecha, cada aparición de ``par`` en un solo símbolo."""
    salida, i = [], 0
    while i < len(simbolos):
        if i + 1 < len(simbolos) and (simbolos[i], simbolos[i + 1]) == par:
            salida.append(simbolos[i] + simbolos[i + 1])
            i += 2
        else:
            salida.append(simbolos[i])
            i += 1
    return tuple(salida)


def aprender_bpe(palabras: Sequence[str], num_fusiones: int) -> list[tuple[str, str]]:
    """Las ``num_fusiones`` fusiones de BPE, en orden: cada vez, el par más frecuente (empates: el primero
    en orden alfabético, para que el resultado no dependa del orden de un diccionario)."""
    vocabulario = palabras_como_simbolos(palabras)
    fusiones = []
    for _ in range(num_fusiones):
        pares = contar_pares(vocabulario)
        if not pares:
            break
        mejor = min(pares, key=lambda par: (-pares[par], par))
        fusiones.append(mejor)
        vocabulario = {fusionar(simbolos, mejor): n for simbolos, n in vocabulario.items()}
    return fusiones


def aplicar_bpe(palabra: str, fusiones: Sequence[tuple[str, str]]) -> list[str]:
    """Segmenta una palabra (también una nueva) aplicando las fusiones en el orden en que se aprendieron."""
    simbolos: tuple[str, ...] = (*palabra, FIN_DE_PALABRA)
    for par in fusiones:
        simbolos = fusionar(simbolos, par)
    return list(simbolos)


# --- 2. El tokenizador del curso: SentencePiece (BPE) ---------------------------------------------
ID_RELLENO, ID_DESCONOCIDO, ID_INICIO, ID_FIN = 0, 1, 2, 3
MAX_CARACTERES = 300  # una frase más larga no se traduce: el modelo nunca vio nada parecido


class Tokenizador:
    """Subpalabras BPE de SentencePiece compartidas por inglés y francés, sin pérdida: ``decodificar``
    devuelve exactamente el texto (espacios finos delante de ``?!:;``, elisiones, mayúsculas).

    Se explica en 10_transformer_subpalabras. Se guarda dentro del paquete del modelo como los bytes del
    modelo de SentencePiece (``a_diccionario``), que la suma sha256 del paquete cubre.
    """

    def __init__(self, modelo_sp: bytes):
        import sentencepiece as spm

        self.modelo_sp = bytes(modelo_sp)
        self.sp = spm.SentencePieceProcessor(model_proto=self.modelo_sp)
        piezas = [self.sp.id_to_piece(i) for i in range(self.sp.get_piece_size())]
        especiales = {ID_RELLENO, ID_DESCONOCIDO, ID_INICIO, ID_FIN}
        self.caracteres = {c for i, p in enumerate(piezas) if i not in especiales for c in p.replace("▁", " ")}

    @property
    def tamano(self) -> int:
        """Número de tokens, los cuatro especiales incluidos (``num_tokens`` del modelo)."""
        return self.sp.get_piece_size()

    def desconocidos(self, frase: str) -> list[str]:
        """Los caracteres de ``frase`` que ninguna subpalabra sabe escribir, sin repetir."""
        return sorted({c for c in frase if c not in self.caracteres})

    def codificar(self, frase: str) -> list[int]:
        """Los ids de las subpalabras de ``frase`` (sin ``<inicio>`` ni ``<fin>``)."""
        return self.sp.encode(frase, out_type=int)

    def piezas(self, frase: str) -> list[str]:
        """Las subpalabras de ``frase`` como texto (``▁`` marca el espacio que las precede)."""
        return self.sp.encode(frase, out_type=str)

    def decodificar(self, ids: Sequence[int]) -> str:
        """El texto de unos ids; se detiene en ``<fin>`` y salta el relleno y ``<inicio>``."""
        ids = [int(i) for i in ids]
        if ID_FIN in ids:
            ids = ids[: ids.index(ID_FIN)]
        return self.sp.decode([i for i in ids if i not in (ID_RELLENO, ID_INICIO)])

    def a_diccionario(self) -> dict:
        return {"sentencepiece_base64": base64.b64encode(self.modelo_sp).decode("ascii"), "tamano": self.tamano}

    @classmethod
    def desde_diccionario(cls, datos: dict) -> "Tokenizador":
        if not isinstance(datos, dict) or not isinstance(datos.get("sentencepiece_base64"), str):
            raise ValueError("el vocabulario del paquete no tiene el tokenizador (sentencepiece_base64): vuelve a guardarlo.")
        tokenizador = cls(base64.b64decode(datos["sentencepiece_base64"]))
        if datos.get("tamano") != tokenizador.tamano:
            raise ValueError(f"el tokenizador del paquete tiene {tokenizador.tamano} tokens y metadatos.json dice "
                             f"{datos.get('tamano')}: el paquete está dañado; vuelve a guardarlo.")
        return tokenizador


def entrenar_tokenizador(frases: Sequence[str], tamano: int, hilos: int = 2) -> Tokenizador:
    """Aprende un vocabulario BPE de ``tamano`` subpalabras con SentencePiece, sin normalizar el texto
    (así la vuelta atrás es exacta) y con todos los caracteres de las frases en el alfabeto."""
    import sentencepiece as spm

    if not frases:
        raise ValueError("entrenar_tokenizador necesita frases de las que aprender el vocabulario.")
    salida = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(frases)), model_writer=salida, model_type="bpe", vocab_size=int(tamano),
        character_coverage=1.0, normalization_rule_name="identity", remove_extra_whitespaces=False,
        pad_id=ID_RELLENO, unk_id=ID_DESCONOCIDO, bos_id=ID_INICIO, eos_id=ID_FIN,
        pad_piece="<relleno>", unk_piece="<desconocido>", bos_piece="<inicio>", eos_piece="<fin>",
        split_digits=True, num_threads=hilos, minloglevel=2, hard_vocab_limit=False,
    )
    return Tokenizador(salida.getvalue())


def codificar_pares(ingles: Sequence[str], frances: Sequence[str], tokenizador: Tokenizador, max_tokens: int):
    """(encoder_input_ids, decoder_input_ids, decoder_target_ids) rellenos con 0, y los índices de los pares
    que caben en ``max_tokens`` (con ``<inicio>``/``<fin>``); el objetivo va un paso por delante."""
    fuente = [tokenizador.codificar(f) for f in ingles]
    destino = [[ID_INICIO, *tokenizador.codificar(f), ID_FIN] for f in frances]
    caben = [i for i, (a, b) in enumerate(zip(fuente, destino)) if len(a) <= max_tokens and len(b) <= max_tokens + 1]
    encoder_input_ids = np.zeros((len(caben), max_tokens), dtype="int32")
    decoder_input_ids = np.zeros((len(caben), max_tokens), dtype="int32")
    decoder_target_ids = np.zeros((len(caben), max_tokens), dtype="int32")
    for fila, i in enumerate(caben):
        encoder_input_ids[fila, : len(fuente[i])] = fuente[i]
        decoder_input_ids[fila, : len(destino[i]) - 1] = destino[i][:-1]
        decoder_target_ids[fila, : len(destino[i]) - 1] = destino[i][1:]
    return encoder_input_ids, decoder_input_ids, decoder_target_ids, np.array(caben, dtype=int)


class DatosTransformer:
    """Todo lo que necesita entrenar y medir un Transformer del curso a partir de un archivo de Tatoeba.

    La partición es la de los demás modelos del curso (``modelos.indices_de_validacion`` por frase inglesa,
    y dentro de la parte reservada las frases de parada, como ``calidad.py --reservadas``): ``entrenamiento``,
    ``parada`` y ``medidos`` son índices de pares de ``ingles``/``frances``. El tokenizador aprende solo de los
    pares de entrenamiento; ``ids`` y ``ids_parada`` son ``codificar_pares`` de cada parte.
    """

    def __init__(self, ingles: Sequence[str], frances: Sequence[str], tamano_vocabulario: int, max_tokens: int = 64,
                 fraccion_reservada: float = 0.05, fraccion_parada: float = 0.3, semilla: int = 42):
        from utils.evaluacion import agrupar_referencias
        from utils.modelos import indices_de_validacion

        self.ingles, self.frances, self.max_tokens = list(ingles), list(frances), max_tokens
        self.entrenamiento, reservados = indices_de_validacion(self.ingles, fraccion_reservada, semilla)
        medir, parar = indices_de_validacion([self.ingles[i] for i in reservados], fraccion_parada, semilla)
        self.reservados, self.medidos, self.parada = reservados, reservados[medir], reservados[parar]
        self.particion = {"tipo": "por frase inglesa", "fraccion": fraccion_reservada, "semilla": semilla,
                          "parada": {"fraccion": fraccion_parada, "criterio": "chrF voraz de las frases de parada"}}
        de = lambda lista, indices: [lista[i] for i in indices]  # noqa: E731
        self.tokenizador = entrenar_tokenizador(de(self.ingles, self.entrenamiento) + de(self.frances, self.entrenamiento),
                                                tamano_vocabulario)
        self.ids = codificar_pares(de(self.ingles, self.entrenamiento), de(self.frances, self.entrenamiento),
                                   self.tokenizador, max_tokens)
        self.ids_parada = codificar_pares(de(self.ingles, self.parada), de(self.frances, self.parada), self.tokenizador,
                                          max_tokens)
        grupos = agrupar_referencias(de(self.ingles, self.parada), de(self.frances, self.parada))
        self.frases_parada = [f for f in grupos if self.legible(f)]
        self.referencias_parada = [grupos[f] for f in self.frases_parada]

    def legible(self, frase: str) -> bool:
        """Si el Transformer puede leer ``frase``: todos sus caracteres conocidos y no más de ``max_tokens``."""
        return not self.tokenizador.desconocidos(frase) and len(self.tokenizador.codificar(frase)) <= self.max_tokens

    def frases_medidas(self) -> tuple[list[str], list[list[str]]]:
        """Las frases inglesas reservadas que no deciden nada, cada una con todas sus referencias."""
        from utils.evaluacion import agrupar_referencias

        grupos = agrupar_referencias([self.ingles[i] for i in self.medidos], [self.frances[i] for i in self.medidos])
        frases = [f for f in grupos if self.legible(f)]
        return frases, [grupos[f] for f in frases]


# --- 3. La atención escrita a mano y las capas ------------------------------------------------------
def atencion_escalada(q, k, v, mascara=None):
    """Atención de producto escalado: softmax(Q·Kᵀ/√d_k)·V, con las posiciones de ``mascara == False``
    a −∞ antes del softmax (pesan 0). Devuelve (salida, pesos); vale para cualquier número de ejes de lote."""
    puntuaciones = ops.matmul(q, ops.swapaxes(k, -1, -2)) / math.sqrt(q.shape[-1])
    if mascara is not None:
        puntuaciones = ops.where(mascara, puntuaciones, -1e9)
    pesos = ops.softmax(puntuaciones, axis=-1)
    return ops.matmul(pesos, v), pesos


def mascara_causal(pasos: int):
    """Matriz (pasos, pasos) con ``True`` en la diagonal y debajo: la posición i ve las posiciones 0…i."""
    return ops.tril(ops.ones((pasos, pasos), dtype="bool"))


def multicabeza_a_mano(capa: layers.MultiHeadAttention, consulta, valor, mascara=None):
    """La atención de varias cabezas con los pesos de una ``keras.layers.MultiHeadAttention`` ya construida:
    proyecta Q, K y V (d_model → cabezas × d_k), atiende en cada cabeza por separado, concatena y proyecta
    con W_O. Devuelve (salida, pesos de cada cabeza)."""
    wq, bq = capa._query_dense.kernel, capa._query_dense.bias  # (d_model, cabezas, d_k), (cabezas, d_k)
    wk, bk = capa._key_dense.kernel, capa._key_dense.bias
    wv, bv = capa._value_dense.kernel, capa._value_dense.bias
    wo, bo = capa._output_dense.kernel, capa._output_dense.bias  # (cabezas, d_k, d_model), (d_model,)
    q = ops.einsum("btd,dhk->bhtk", consulta, wq) + ops.expand_dims(bq, 1)
    k = ops.einsum("bsd,dhk->bhsk", valor, wk) + ops.expand_dims(bk, 1)
    v = ops.einsum("bsd,dhk->bhsk", valor, wv) + ops.expand_dims(bv, 1)
    if mascara is not None:
        mascara = ops.expand_dims(mascara, 1)  # la misma máscara para todas las cabezas
    salida, pesos = atencion_escalada(q, k, v, mascara)
    return ops.einsum("bhtk,hkd->btd", salida, wo) + bo, pesos


@keras.saving.register_keras_serializable(package="curso")
class EmbeddingCompartido(layers.Layer):
    """Una sola matriz E (tokens × d_model) para leer y para escribir: ``capa(ids)`` da E[ids]·√d_model
    (entrada del codificador y del decodificador) y ``capa(h, invertir=True)`` da los *logits* h·Eᵀ + b."""

    def __init__(self, num_tokens: int, d_model: int, **kwargs):
        super().__init__(**kwargs)
        self.num_tokens, self.d_model = int(num_tokens), int(d_model)

    def build(self, forma=None):
        self.embeddings = self.add_weight(shape=(self.num_tokens, self.d_model), name="embeddings",
                                          initializer=keras.initializers.RandomNormal(stddev=self.d_model ** -0.5))
        self.sesgo = self.add_weight(shape=(self.num_tokens,), name="sesgo", initializer="zeros")

    def call(self, entradas, invertir: bool = False):
        if invertir:
            return ops.matmul(entradas, ops.transpose(self.embeddings)) + self.sesgo
        return ops.take(self.embeddings, ops.cast(entradas, "int32"), axis=0) * math.sqrt(self.d_model)

    def get_config(self):
        return {**super().get_config(), "num_tokens": self.num_tokens, "d_model": self.d_model}


def codificacion_posicional(longitud: int, d_model: int) -> np.ndarray:
    """La codificación sinusoidal de Vaswani et al. (2017): PE[pos, 2i] = sin(pos/10000^(2i/d)),
    PE[pos, 2i+1] = cos(pos/10000^(2i/d)). Forma (longitud, d_model)."""
    posiciones = np.arange(longitud)[:, None]
    frecuencias = 1.0 / 10000 ** (np.arange(0, d_model, 2) / d_model)
    pe = np.zeros((longitud, d_model), dtype="float32")
    pe[:, 0::2] = np.sin(posiciones * frecuencias)
    pe[:, 1::2] = np.cos(posiciones * frecuencias)
    return pe


@keras.saving.register_keras_serializable(package="curso")
class SumarPosiciones(layers.Layer):
    """Suma la codificación posicional a una secuencia de vectores (sin pesos que aprender)."""

    def __init__(self, max_posiciones: int, d_model: int, **kwargs):
        super().__init__(**kwargs)
        self.max_posiciones, self.d_model = int(max_posiciones), int(d_model)
        self.pe = codificacion_posicional(self.max_posiciones, self.d_model)

    def call(self, x):
        return x + ops.cast(ops.convert_to_tensor(self.pe), x.dtype)[None, : ops.shape(x)[1], :]

    def get_config(self):
        return {**super().get_config(), "max_posiciones": self.max_posiciones, "d_model": self.d_model}


def mascara_de_relleno(ids):
    """``True`` en los tokens reales y ``False`` en el relleno (id 0), forma (lote, 1, pasos): se
    difunde sobre las consultas y las cabezas y deja a cada consulta mirar solo tokens reales."""
    return ops.expand_dims(ops.not_equal(ids, ID_RELLENO), 1)


@keras.saving.register_keras_serializable(package="curso")
class MascaraDeRelleno(layers.Layer):
    """``mascara_de_relleno`` como capa, para el modelo funcional."""

    def call(self, ids):
        return mascara_de_relleno(ids)

    def compute_output_shape(self, forma):
        return (forma[0], 1, forma[1])


class _Bloque(layers.Layer):
    """Lo común de los bloques: la red *feed-forward* y las normalizaciones (pre-LN: se normaliza antes
    de cada subcapa y se suma la entrada, x + subcapa(LN(x)))."""

    def __init__(self, d_model: int, num_cabezas: int, d_ff: int, dropout: float = 0.1, **kwargs):
        super().__init__(**kwargs)
        self.d_model, self.num_cabezas, self.d_ff, self.dropout = int(d_model), int(num_cabezas), int(d_ff), float(dropout)
        self.ff_1 = layers.Dense(self.d_ff, activation="relu", name="ff_1")
        self.ff_2 = layers.Dense(self.d_model, name="ff_2")
        self.caida = layers.Dropout(self.dropout)

    def build(self, *formas, **formas_con_nombre):
        """Construye las subcapas con tamaños conocidos (así ``load_model`` encuentra todos sus pesos)."""
        secuencia = (None, None, self.d_model)
        for nombre in ("autoatencion", "atencion_cruzada"):
            if hasattr(self, nombre):
                getattr(self, nombre).build(secuencia, secuencia)
        for normalizacion in ("ln_atencion", "ln_cruzada", "ln_ff"):
            if hasattr(self, normalizacion):
                getattr(self, normalizacion).build(secuencia)
        self.ff_1.build(secuencia)
        self.ff_2.build((None, None, self.d_ff))
        self.built = True

    def _atencion(self, nombre: str):
        return layers.MultiHeadAttention(self.num_cabezas, self.d_model // self.num_cabezas, dropout=self.dropout,
                                         name=nombre)

    def _feed_forward(self, x, training):
        return self.caida(self.ff_2(self.caida(self.ff_1(self.ln_ff(x)), training=training)), training=training)

    def get_config(self):
        return {**super().get_config(), "d_model": self.d_model, "num_cabezas": self.num_cabezas, "d_ff": self.d_ff,
                "dropout": self.dropout}


@keras.saving.register_keras_serializable(package="curso")
class BloqueCodificador(_Bloque):
    """Autoatención (cada posición mira todas las de la frase inglesa) y *feed-forward*, cada una con
    su conexión residual y su normalización de capa."""

    def __init__(self, d_model: int, num_cabezas: int, d_ff: int, dropout: float = 0.1, **kwargs):
        super().__init__(d_model, num_cabezas, d_ff, dropout, **kwargs)
        self.autoatencion = self._atencion("autoatencion")
        self.ln_atencion = layers.LayerNormalization(epsilon=1e-6, name="ln_atencion")
        self.ln_ff = layers.LayerNormalization(epsilon=1e-6, name="ln_ff")

    def call(self, x, mascara, training=None):
        h = self.ln_atencion(x)
        x = x + self.caida(self.autoatencion(h, h, attention_mask=mascara, training=training), training=training)
        return x + self._feed_forward(x, training)


@keras.saving.register_keras_serializable(package="curso")
class BloqueDecodificador(_Bloque):
    """Autoatención causal (cada posición francesa mira solo las anteriores), atención cruzada a las
    salidas del codificador y *feed-forward*; cada subcapa con residual y normalización."""

    def __init__(self, d_model: int, num_cabezas: int, d_ff: int, dropout: float = 0.1, **kwargs):
        super().__init__(d_model, num_cabezas, d_ff, dropout, **kwargs)
        self.autoatencion = self._atencion("autoatencion")
        self.atencion_cruzada = self._atencion("atencion_cruzada")
        self.ln_atencion = layers.LayerNormalization(epsilon=1e-6, name="ln_atencion")
        self.ln_cruzada = layers.LayerNormalization(epsilon=1e-6, name="ln_cruzada")
        self.ln_ff = layers.LayerNormalization(epsilon=1e-6, name="ln_ff")

    def call(self, x, memoria, mascara_memoria, training=None):
        h = self.ln_atencion(x)
        x = x + self.caida(self.autoatencion(h, h, use_causal_mask=True, training=training), training=training)
        h = self.ln_cruzada(x)
        cruzada, pesos = self.atencion_cruzada(h, memoria, attention_mask=mascara_memoria, training=training,
                                               return_attention_scores=True)
        x = x + self.caida(cruzada, training=training)
        x = x + self._feed_forward(x, training)
        return x, pesos  # los pesos de la atención cruzada, para los mapas (siempre: Keras pide la misma salida en cada uso)


# --- 4. El modelo ---------------------------------------------------------------------------------
def construir_transformer(num_tokens: int, d_model: int = 256, num_cabezas: int = 4, d_ff: int = 1024,
                          capas_codificador: int = 3, capas_decodificador: int = 3, dropout: float = 0.1,
                          max_posiciones: int = 128) -> keras.Model:
    """El Transformer del curso: ``[encoder_inputs, decoder_inputs]`` (ids) → *logits* de cada posición.

    Vocabulario compartido y una sola matriz de *embedding* (entrada del codificador, del decodificador
    y capa de salida), codificación posicional sinusoidal, bloques pre-LN y una normalización final en
    cada pila. Las capas tienen nombre para construir después los modelos de inferencia.
    """
    encoder_inputs = keras.Input(shape=(None,), dtype="int32", name="encoder_inputs")
    decoder_inputs = keras.Input(shape=(None,), dtype="int32", name="decoder_inputs")
    embedding = EmbeddingCompartido(num_tokens, d_model, name="embedding")
    posiciones = SumarPosiciones(max_posiciones, d_model, name="posiciones")
    caida = layers.Dropout(dropout, name="dropout_entradas")
    mascara = MascaraDeRelleno(name="mascara_codificador")(encoder_inputs)
    x = caida(posiciones(embedding(encoder_inputs)))
    for i in range(capas_codificador):
        x = BloqueCodificador(d_model, num_cabezas, d_ff, dropout, name=f"codificador_{i + 1}")(x, mascara)
    memoria = layers.LayerNormalization(epsilon=1e-6, name="ln_codificador")(x)
    y = caida(posiciones(embedding(decoder_inputs)))
    for i in range(capas_decodificador):
        y, _ = BloqueDecodificador(d_model, num_cabezas, d_ff, dropout, name=f"decodificador_{i + 1}")(y, memoria, mascara)
    y = layers.LayerNormalization(epsilon=1e-6, name="ln_decodificador")(y)
    logits = embedding(y, invertir=True)
    return keras.Model([encoder_inputs, decoder_inputs], logits, name="transformer")


def tamanos_del_transformer(modelo: keras.Model) -> dict:
    """Los hiperparámetros de un Transformer del curso, leídos de sus capas."""
    embedding = modelo.get_layer("embedding")
    bloque = modelo.get_layer("codificador_1")
    return {
        "num_tokens": embedding.num_tokens, "d_model": embedding.d_model, "num_cabezas": bloque.num_cabezas,
        "d_ff": bloque.d_ff, "dropout": bloque.dropout,
        "capas_codificador": sum(c.name.startswith("codificador_") for c in modelo.layers),
        "capas_decodificador": sum(c.name.startswith("decodificador_") for c in modelo.layers),
        "max_posiciones": modelo.get_layer("posiciones").max_posiciones,
    }


def contar_parametros_transformer(num_tokens: int, d_model: int, d_ff: int, capas_codificador: int,
                                  capas_decodificador: int) -> int:
    """Parámetros por fórmula: *embedding* compartido V·d + V; cada atención 4·(d·d + d); cada
    *feed-forward* d·f + f + f·d + d; cada normalización 2·d (el número de cabezas no cambia la cuenta)."""
    atencion, feed_forward, norma = 4 * (d_model * d_model + d_model), 2 * d_model * d_ff + d_ff + d_model, 2 * d_model
    codificador = atencion + feed_forward + 2 * norma
    decodificador = 2 * atencion + feed_forward + 3 * norma
    return num_tokens * d_model + num_tokens + capas_codificador * codificador + capas_decodificador * decodificador + 2 * norma


@keras.saving.register_keras_serializable(package="curso")
class PerdidaSuavizada(keras.losses.Loss):
    """Entropía cruzada desde *logits* con suavizado de etiquetas ε, media sobre los tokens reales
    (el relleno, id 0, ni cuenta ni empuja): (1 − ε)·(−log p_objetivo) + ε·(−media de log p)."""

    def __init__(self, suavizado: float = 0.1, name: str = "perdida_suavizada", **kwargs):
        super().__init__(name=name, **kwargs)
        self.suavizado = float(suavizado)

    def call(self, y_true, logits):
        objetivo = ops.cast(y_true, "int32")
        reales = ops.cast(ops.not_equal(objetivo, ID_RELLENO), logits.dtype)
        log_p = ops.log_softmax(logits, axis=-1)
        nll = -ops.squeeze(ops.take_along_axis(log_p, ops.expand_dims(objetivo, -1), axis=-1), -1)
        por_token = (1.0 - self.suavizado) * nll + self.suavizado * -ops.mean(log_p, axis=-1)
        # Una sola cifra por lote: la media por token real (Keras no vuelve a promediar un escalar).
        return ops.sum(por_token * reales) / ops.maximum(ops.sum(reales), 1.0)

    def get_config(self):
        return {**super().get_config(), "suavizado": self.suavizado}


def tasa_con_calentamiento(tasa_maxima: float, pasos_calentamiento: int, pasos_totales: int):
    """Sube en línea recta hasta ``tasa_maxima`` durante el calentamiento y baja en coseno hasta
    ``pasos_totales`` (``keras.optimizers.schedules.CosineDecay`` con ``warmup_steps``)."""
    return keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=0.0, warmup_target=tasa_maxima, warmup_steps=pasos_calentamiento,
        decay_steps=max(pasos_totales - pasos_calentamiento, 1), alpha=0.05,
    )


def compilar_transformer(modelo: keras.Model, tasa, suavizado: float = 0.1, clipnorm: float = 1.0) -> keras.Model:
    """Adam (β₂ = 0,98, como Vaswani et al.) con recorte de la norma y la pérdida suavizada."""
    modelo.compile(optimizer=keras.optimizers.Adam(tasa, beta_2=0.98, epsilon=1e-9, clipnorm=clipnorm),
                   loss=PerdidaSuavizada(suavizado))
    return modelo


# --- 5. Inferencia --------------------------------------------------------------------------------
def construir_modelos_inferencia_transformer(modelo: keras.Model) -> tuple[keras.Model, keras.Model]:
    """(codificador, decodificador) con las capas entrenadas, buscadas por nombre.

    El codificador lee los ids ingleses y devuelve la memoria (una fila por subpalabra). El decodificador
    recibe el prefijo francés entero, la memoria y los ids ingleses (para la máscara) y devuelve los
    *logits* de todas las posiciones y los pesos de la atención cruzada de cada capa: sin caché, cada
    paso vuelve a calcular el prefijo (lo que cuesta se mide en el cuaderno 10).
    """
    tamanos = tamanos_del_transformer(modelo)
    embedding, posiciones = modelo.get_layer("embedding"), modelo.get_layer("posiciones")
    encoder_inputs = keras.Input(shape=(None,), dtype="int32", name="encoder_inputs")
    mascara = MascaraDeRelleno(name="mascara_codificador")(encoder_inputs)
    x = posiciones(embedding(encoder_inputs))
    for i in range(tamanos["capas_codificador"]):
        x = modelo.get_layer(f"codificador_{i + 1}")(x, mascara)
    memoria = modelo.get_layer("ln_codificador")(x)
    codificador = keras.Model(encoder_inputs, memoria, name="codificador_inferencia")

    decoder_inputs = keras.Input(shape=(None,), dtype="int32", name="decoder_inputs")
    memoria_in = keras.Input(shape=(None, tamanos["d_model"]), name="memoria")
    ids_in = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    mascara_in = MascaraDeRelleno(name="mascara_memoria")(ids_in)
    y, pesos = posiciones(embedding(decoder_inputs)), []
    for i in range(tamanos["capas_decodificador"]):
        y, p = modelo.get_layer(f"decodificador_{i + 1}")(y, memoria_in, mascara_in)
        pesos.append(p)
    logits = embedding(modelo.get_layer("ln_decodificador")(y), invertir=True)
    decodificador = keras.Model([decoder_inputs, memoria_in, ids_in], [logits, *pesos], name="decodificador_inferencia")
    return codificador, decodificador


def decodificar_lote_transformer(encoder_input_ids, codificador: keras.Model, decodificador: keras.Model,
                                 max_pasos, devolver_pesos: bool = False, terminadas: list | None = None):
    """Decodificación voraz por lotes: en cada paso, el *argmax* de la última posición; las frases que ya
    emitieron ``<fin>`` (o llegaron a su límite, ``max_pasos``: un entero o uno por frase) siguen con relleno.

    Devuelve listas de ids (sin ``<inicio>`` ni ``<fin>``) y, con ``devolver_pesos``, la atención cruzada
    de cada capa sobre la salida entera: una lista con un arreglo (lote, cabezas, pasos, fuente) por capa.
    """
    encoder_input_ids = np.asarray(encoder_input_ids, dtype="int32")
    n = len(encoder_input_ids)
    if n == 0:
        return ([], []) if devolver_pesos else []
    limites = np.broadcast_to(np.asarray(max_pasos, dtype=int), (n,))
    memoria = codificador.predict_on_batch(encoder_input_ids)
    prefijo = np.full((n, 1), ID_INICIO, dtype="int32")
    terminada = limites < 1
    for paso in range(1, int(limites.max(initial=0)) + 1):
        salidas = decodificador.predict_on_batch([prefijo, memoria, encoder_input_ids])
        siguiente = np.argmax(salidas[0][:, -1, :], axis=-1).astype("int32")
        siguiente[terminada] = ID_RELLENO
        terminada |= (siguiente == ID_FIN) | (paso >= limites)
        prefijo = np.concatenate([prefijo, siguiente[:, None]], axis=1)
        if terminada.all():
            break
    ids = [_recortar(fila) for fila in prefijo[:, 1:]]
    if terminadas is not None:  # si se pasa una lista, se añade si cada salida emitió <fin> (para medir)
        terminadas.extend(bool((fila == ID_FIN).any()) for fila in prefijo[:, 1:])
    if not devolver_pesos:
        return ids
    # Una pasada más con la salida entera (y su <fin>) como entrada: los pesos de todos los pasos a la vez.
    salidas = decodificador.predict_on_batch([prefijo, memoria, encoder_input_ids])
    return ids, [np.asarray(p) for p in salidas[1:]]


def _recortar(fila) -> list[int]:
    """Los ids de una salida hasta ``<fin>`` (sin él); si no terminó, todos."""
    fila = [int(i) for i in fila]
    return fila[: fila.index(ID_FIN)] if ID_FIN in fila else [i for i in fila if i != ID_RELLENO]


def busqueda_en_haz_transformer(encoder_input_ids, codificador: keras.Model, decodificador: keras.Model,
                                max_pasos, k: int = 4, alfa: float = 0.7) -> list[list[int]]:
    """Búsqueda en haz por lotes (N·k hipótesis en cada llamada), como la del cuaderno 07: en cada paso se
    queda con las k de mayor log-probabilidad de cada frase y devuelve, de las terminadas, la de mejor
    log P / longitud^α. Una frase sin ninguna terminada al llegar a su límite se queda con su mejor viva."""
    encoder_input_ids = np.asarray(encoder_input_ids, dtype="int32")
    n = len(encoder_input_ids)
    if n == 0:
        return []
    limites = np.broadcast_to(np.asarray(max_pasos, dtype=int), (n,))
    memoria = np.repeat(codificador.predict_on_batch(encoder_input_ids), k, axis=0)
    fuente = np.repeat(encoder_input_ids, k, axis=0)
    prefijo = np.full((n * k, 1), ID_INICIO, dtype="int32")
    puntos = np.tile(np.r_[0.0, np.full(k - 1, -np.inf)], n)  # al principio, una sola hipótesis por frase
    mejores: list[tuple[float, list[int]]] = [(-np.inf, []) for _ in range(n)]
    reserva: list[list[int] | None] = [None] * n  # la mejor viva al llegar al límite, por si ninguna termina
    for paso in range(1, int(limites.max(initial=0)) + 1):
        logits = decodificador.predict_on_batch([prefijo, memoria, fuente])[0][:, -1, :].astype("float64")
        log_p = logits - logits.max(-1, keepdims=True)
        log_p -= np.log(np.exp(log_p).sum(-1, keepdims=True))
        candidatos = (puntos[:, None] + log_p).reshape(n, -1)
        elegidos = np.argsort(-candidatos, axis=1, kind="stable")[:, :k]
        origen = (elegidos // log_p.shape[1]) + np.arange(n)[:, None] * k
        token = (elegidos % log_p.shape[1]).ravel().astype("int32")
        puntos = np.take_along_axis(candidatos, elegidos, axis=1).ravel()
        prefijo = np.concatenate([prefijo[origen.ravel()], token[:, None]], axis=1)
        for fila in np.flatnonzero(np.isfinite(puntos) & (token == ID_FIN)):
            normalizada = puntos[fila] / paso ** alfa
            if normalizada > mejores[fila // k][0]:
                mejores[fila // k] = (normalizada, [int(i) for i in prefijo[fila, 1:-1]])
            puntos[fila] = -np.inf  # una hipótesis terminada ya no se alarga
        for frase in np.flatnonzero(limites == paso):
            filas = slice(frase * k, (frase + 1) * k)
            if np.isfinite(puntos[filas]).any():
                reserva[frase] = [int(i) for i in prefijo[frase * k + int(np.argmax(puntos[filas])), 1:]]
            puntos[filas] = -np.inf
        if not np.isfinite(puntos).any():
            break
    return [ids if np.isfinite(p) else (reserva[i] or []) for i, (p, ids) in enumerate(mejores)]


def pasos_maximos_transformer(encoder_input_ids) -> np.ndarray:
    """Cuántas subpalabras se generan como mucho para cada frase: el doble de las de la frase inglesa más 10."""
    return 2 * (np.asarray(encoder_input_ids) != ID_RELLENO).sum(axis=1) + 10


def rellenar_ids(secuencias: Sequence[Sequence[int]]) -> np.ndarray:
    """Una matriz de ids rellena con 0 hasta la secuencia más larga."""
    largo = max((len(s) for s in secuencias), default=0)
    salida = np.zeros((len(secuencias), max(largo, 1)), dtype="int32")
    for fila, s in enumerate(secuencias):
        salida[fila, : len(s)] = s
    return salida


def traducir_ids(modelo: keras.Model, tokenizador: Tokenizador, frases: Sequence[str], lote: int = 256,
                 k: int = 1, modelos_inferencia: tuple | None = None, terminadas: list | None = None) -> list[str]:
    """Traduce frases ya comprobadas: voraz (``k=1``) o en haz, por lotes de frases de longitud parecida.
    Con ``terminadas`` (una lista vacía, solo en la voraz) anota, en el orden de ``frases``, si cada salida emitió ``<fin>``."""
    codificador, decodificador = modelos_inferencia or construir_modelos_inferencia_transformer(modelo)
    ids = [tokenizador.codificar(f) for f in frases]
    orden = np.argsort([len(i) for i in ids], kind="stable")
    salidas: list[str] = [""] * len(frases)
    por_fila: dict[int, bool] = {}
    for inicio in range(0, len(orden), lote):
        filas = orden[inicio : inicio + lote]
        entrada = rellenar_ids([ids[i] for i in filas])
        pasos = pasos_maximos_transformer(entrada)  # uno por frase: no depende de con quién vaya en el lote
        fin: list[bool] = []
        if k == 1:
            resultado = decodificar_lote_transformer(entrada, codificador, decodificador, pasos, terminadas=fin)
        else:
            resultado = busqueda_en_haz_transformer(entrada, codificador, decodificador, pasos, k=k)
        for fila, salida in zip(filas, resultado):
            salidas[fila] = tokenizador.decodificar(salida)
        por_fila.update(zip(filas.tolist(), fin))
    if terminadas is not None:
        terminadas.extend(por_fila.get(i, True) for i in range(len(frases)))
    return salidas


# --- Entrada escrita por el usuario --------------------------------------------------------------
def _revisar_frase_transformer(texto, tokenizador: Tokenizador, desconocidos: str) -> tuple[str, str]:
    """Comprueba una frase para el Transformer y devuelve (frase, aviso o ``""``); mismos errores que ``traducir``."""
    import unicodedata

    from utils.datos import _nombrar_caracteres
    from utils.decodificacion import _cita, _describir_recibido, _rechazar_separadores

    if not isinstance(texto, str):
        raise TypeError(_describir_recibido(texto, "un texto (str)"))
    frase = unicodedata.normalize("NFC", texto).strip()
    if not frase:
        raise ValueError(f"la frase está vacía o solo tiene espacios ({_cita(texto, 20)}): escribe una frase en inglés, p. ej. 'Hi.'.")
    _rechazar_separadores(frase)
    if len(frase) > MAX_CARACTERES:
        raise ValueError(f"la frase {_cita(frase)} tiene {len(frase)} caracteres y el Transformer admite como máximo "
                         f"{MAX_CARACTERES}. Pártela en frases más cortas, una por elemento de la lista.")
    extranos, aviso = tokenizador.desconocidos(frase), ""
    if extranos:
        nombres = _nombrar_caracteres(extranos)
        if desconocidos == "error":
            raise ValueError(f"la frase {_cita(frase)} contiene caracteres que ninguna subpalabra del tokenizador sabe "
                             f"escribir: {nombres}. Quítalos o usa desconocidos='omitir' (se quitan con un aviso).")
        limpia = " ".join("".join(c for c in frase if c not in extranos).split())
        if not limpia:
            raise ValueError(f"la frase {_cita(frase)} no tiene ningún carácter que el tokenizador conozca (desconocidos: {nombres}).")
        aviso = f"se omiten de {_cita(frase)} caracteres que el tokenizador no sabe escribir: {nombres}; se traduce {_cita(limpia)}."
        frase = limpia
    return frase, aviso


def traducir_transformer(textos: str | Sequence[str], modelo: keras.Model, tokenizador: Tokenizador, k: int = 1,
                         desconocidos: str = "error") -> str | list[str]:
    """Traduce una frase (``str``) o varias (lista o tupla) con el Transformer, comprobando la entrada.

    Los mismos errores en español que ``utils.decodificacion.traducir`` (frases vacías, que no son texto,
    demasiado largas o con separadores; en una lista, un solo error con todas las que fallan). Los caracteres
    que el tokenizador no sabe escribir nunca se pierden en silencio: error o, con ``desconocidos="omitir"``,
    un aviso ⚠️ que los nombra. ``k=1``: voraz; ``k>1``: búsqueda en haz de anchura ``k``.
    """
    from utils.decodificacion import DESCONOCIDOS_VALIDOS, _revisar_entrada

    if desconocidos not in DESCONOCIDOS_VALIDOS:
        raise ValueError(f"desconocidos debe ser uno de {DESCONOCIDOS_VALIDOS}, no {desconocidos!r}.")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k (la anchura del haz) debe ser un entero mayor o igual que 1, no {k!r}.")
    revisadas = _revisar_entrada(textos, tokenizador, desconocidos, revisar=_revisar_frase_transformer,
                                 funcion="traducir_transformer")
    traducciones = traducir_ids(modelo, tokenizador, [frase for frase, _ in revisadas], k=int(k))
    return traducciones[0] if isinstance(textos, str) else traducciones


def graficar_atencion_cruzada(pesos: Sequence[np.ndarray], piezas_fuente: Sequence[str], piezas_salida: Sequence[str],
                              titulo: str = ""):
    """Mapas de la atención cruzada de una frase: una fila de paneles por capa y uno por cabeza.

    Se explica en 10_transformer_subpalabras. ``pesos`` es lo que devuelve ``decodificar_lote_transformer(...,
    devolver_pesos=True)`` para un lote de una frase; las filas de cada mapa son las subpalabras de la salida
    (``piezas_salida``, con ``<fin>``) y las columnas las de la frase inglesa.
    """
    import matplotlib.pyplot as plt

    capas, cabezas = len(pesos), pesos[0].shape[1]
    filas, columnas = len(piezas_salida), len(piezas_fuente)
    fig, ejes = plt.subplots(capas, cabezas, figsize=(2.2 + 0.28 * columnas * cabezas, 1.2 + 0.26 * filas * capas),
                             squeeze=False)
    for capa in range(capas):
        for cabeza in range(cabezas):
            eje = ejes[capa][cabeza]
            eje.imshow(np.asarray(pesos[capa])[0, cabeza, :filas, :columnas], cmap="Blues", vmin=0, vmax=1, aspect="auto")
            eje.set_xticks(range(columnas), piezas_fuente if capa == capas - 1 else [""] * columnas, rotation=90, fontsize=7)
            eje.set_yticks(range(filas), piezas_salida if cabeza == 0 else [""] * filas, fontsize=7)
            eje.set_title(f"capa {capa + 1}, cabeza {cabeza + 1}", fontsize=8)
    fig.supxlabel("frase inglesa (subpalabras que lee el codificador)", fontsize=9)
    fig.supylabel("salida (una subpalabra por paso)", fontsize=9)
    fig.suptitle(titulo, fontsize=10)
    fig.tight_layout()
    return fig
