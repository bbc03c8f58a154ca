"""Etapa de palabras: el traductor palabra a palabra con *embeddings* y una GRU de 3 capas.

Se explica en ``08_modelo_de_palabras_con_gru``, en este orden (el de la receta de TensorLayer de
un flujo de palabras):

1. datos: minúsculas, lista blanca de caracteres, tokenización (con las elisiones del francés),
   filtro por longitud, frecuencias, vocabulario de las palabras más frecuentes (``_`` = relleno
   en el índice 0, ``unk`` en el 1, luego inicio y fin), ids, relleno con ceros, máscaras y
   serialización (NumPy y JSON);
2. modelo: ``Embedding(mask_zero=True)`` y GRU codificadora y decodificadora de varias capas,
   cada estado final a la capa gemela del decodificador, entropía cruzada sin el relleno;
3. inferencia: codificador y paso del decodificador con sus estados, voraz y muestreo top-k por
   lotes, y ``traducir_palabras`` con la entrada comprobada;
4. paquete guardado (``"tipo": "palabras"`` en ``metadatos.json``), que también evalúa
   ``benchmarks/calidad.py``: ``guardar_modelo_palabras`` y ``cargar_modelo_palabras`` están en
   ``utils.paquetes`` (y se pueden importar también de aquí).

El relleno vale 0 (no -1 como en los modelos de caracteres): es lo que espera
``Embedding(mask_zero=True)``, que así da la máscara gratis.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Sequence

import keras
import numpy as np
from keras import layers

from utils.decodificacion import _cita, _describir_recibido, _revisar_entrada, ajustar_distribucion, sortear
from utils.modelos import LotesPorLongitud, ResumenDeEpocas, indices_de_validacion

# El paquete guardado de palabras (apartado 4) vive en utils.paquetes, con los de los demás modelos;
# estos nombres se siguen importando también de aquí, como antes.
from utils.paquetes import (  # noqa: F401
    TIPO_PALABRAS as TIPO,
    cargar_modelo_palabras,
    guardar_modelo_palabras,
    tamanos_del_modelo,
)

# --- 1. Normalizar: minúsculas y un solo apóstrofo y un solo espacio ----------------------------
_APOSTROFOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_ESPACIOS = re.compile(r"[\s\u202f\u00a0\u2009]+")  # U+202F delante de ! ? ; : y otros espacios raros


def normalizar(frase: str) -> str:
    """Minúsculas (forma NFC), apóstrofo recto y espacios simples. Se explica en 08_modelo_de_palabras_con_gru.

    ``’`` pasa a ``'`` y U+202F, U+00A0 o varios espacios seguidos, a un espacio: así «j’ai» y
    «j'ai», o «Va !» y «Va\\u202f!», dan los mismos tokens.
    """
    frase = unicodedata.normalize("NFC", frase).lower().translate(_APOSTROFOS)
    return _ESPACIOS.sub(" ", frase).strip()


# --- 2. Lista blanca de caracteres ---------------------------------------------------------------
LISTA_BLANCA = frozenset("abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ0123456789 '-.,!?;:")


def fuera_de_lista(frase: str, lista_blanca: frozenset[str] = LISTA_BLANCA) -> set[str]:
    """Caracteres de ``frase`` (ya normalizada) que no están en la lista blanca.

    Se explica en 08_modelo_de_palabras_con_gru."""
    return set(frase) - lista_blanca


# --- 3. Tokenizar -------------------------------------------------------------------------------
# Un número («3», «2,5»), una palabra con guiones o apóstrofos internos («peut-être», «j'ai»,
# «aujourd'hui», «don't») o cualquier otro carácter que no sea espacio (un signo de puntuación).
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['-][^\W\d_]+)*'?|\S")
# Francés: el artículo o pronombre elidido se separa y conserva su apóstrofo: «l'école» → «l'» «école».
_ELISION = re.compile(r"^((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|quelqu|presqu)')(.+)$")
# Inglés: los clíticos se separan como en el Penn Treebank: «don't» → «do» «n't», «I'm» → «i» «'m».
_CLITICO = re.compile(r"^(.+?)(n't|'s|'m|'re|'ve|'ll|'d)$")
IDIOMAS = ("inglés", "francés")


def tokenizar(frase: str, idioma: str) -> list[str]:
    """Parte una frase normalizada en tokens: palabras, números y signos. Se explica en 08_modelo_de_palabras_con_gru.

    En francés separa las elisiones (``j'ai`` → ``j'`` ``ai``; ``aujourd'hui`` queda entero porque
    «aujourd'» no es una elisión); en inglés, los clíticos (``don't`` → ``do`` ``n't``). Los guiones
    no parten (``peut-être``, ``est-ce``) y cada signo de puntuación es un token.
    """
    if idioma not in IDIOMAS:
        raise ValueError(f"idioma debe ser uno de {IDIOMAS}, no {idioma!r}.")
    regla = _ELISION if idioma == "francés" else _CLITICO
    tokens = []
    for token in _TOKEN.findall(frase):
        partes = regla.match(token)
        tokens.extend(partes.groups() if partes else (token,))
    return tokens


# --- 4. Filtrar por longitud -----------------------------------------------------------------
def cabe(tokens_en: Sequence[str], tokens_fr: Sequence[str], max_en: int, max_fr: int) -> bool:
    """``True`` si los dos lados de un par caben en sus límites de tokens. Se explica en 08_modelo_de_palabras_con_gru."""
    return 0 < len(tokens_en) <= max_en and 0 < len(tokens_fr) <= max_fr


# --- 5. Frecuencias y vocabulario de las palabras más frecuentes --------------------------------
RELLENO, DESCONOCIDA, INICIO, FIN = "_", "unk", "<inicio>", "<fin>"
ESPECIALES = (RELLENO, DESCONOCIDA, INICIO, FIN)
ID_RELLENO, ID_DESCONOCIDA, ID_INICIO, ID_FIN = range(4)


def frecuencias(frases_tokenizadas: Iterable[Sequence[str]]) -> Counter:
    """Cuántas veces aparece cada token. Se explica en 08_modelo_de_palabras_con_gru."""
    return Counter(token for tokens in frases_tokenizadas for token in tokens)


def crear_index2word(frecuencia: Counter, tamano: int) -> list[str]:
    """Los tokens especiales y las ``tamano`` palabras más frecuentes. Se explica en 08_modelo_de_palabras_con_gru.

    Los empates se deshacen por orden alfabético, para que el vocabulario no dependa del orden de
    lectura: la misma lista en cualquier máquina.
    """
    palabras = sorted((p for p in frecuencia if p not in ESPECIALES), key=lambda p: (-frecuencia[p], p))
    return [*ESPECIALES, *palabras[:tamano]]


def crear_word2index(index2word: Sequence[str]) -> dict[str, int]:
    """El diccionario inverso: palabra → posición. Se explica en 08_modelo_de_palabras_con_gru."""
    return {palabra: i for i, palabra in enumerate(index2word)}


def fraccion_desconocida(frecuencia: Counter, tamano: int) -> float:
    """Fracción de los tokens que serían ``unk`` con un vocabulario de ``tamano`` palabras.

    Se explica en 08_modelo_de_palabras_con_gru."""
    cuentas = sorted(frecuencia.values(), reverse=True)
    return 1 - sum(cuentas[:tamano]) / max(sum(cuentas), 1)


# --- 6. Ids, relleno con ceros y máscaras -------------------------------------------------------
def tokens_a_ids(tokens: Sequence[str], word2index: dict[str, int]) -> list[int]:
    """Ids de los tokens; una palabra que no está en el vocabulario es ``unk`` (1). Se explica en 08_modelo_de_palabras_con_gru."""
    return [word2index.get(token, ID_DESCONOCIDA) for token in tokens]


def rellenar(secuencias: Sequence[Sequence[int]], largo: int) -> np.ndarray:
    """Arreglo ``(N, largo)`` int32 con cada secuencia al principio y ceros detrás. Se explica en 08_modelo_de_palabras_con_gru."""
    ids = np.zeros((len(secuencias), largo), dtype="int32")
    for i, secuencia in enumerate(secuencias):
        if len(secuencia) > largo:
            raise ValueError(f"la secuencia {i} tiene {len(secuencia)} ids y el largo es {largo}: fíltrala antes por longitud.")
        ids[i, : len(secuencia)] = secuencia
    return ids


def mascara(ids: np.ndarray) -> np.ndarray:
    """1 donde hay un token real y 0 en el relleno: ``[1 1 1 1 0 0]``. Se explica en 08_modelo_de_palabras_con_gru."""
    return (np.asarray(ids) != ID_RELLENO).astype("int32")


# --- Vocabulario completo de un modelo ----------------------------------------------------------
@dataclass(frozen=True)
class VocabularioPalabras:
    """Los dos vocabularios (``index2word``), los límites de tokens y cómo volver a escribir el francés."""

    index2word_en: tuple[str, ...]
    index2word_fr: tuple[str, ...]
    max_tokens_en: int  # tokens ingleses como mucho (el límite del filtro)
    max_tokens_fr: int  # tokens franceses como mucho, sin <inicio> ni <fin>
    espacio_signos: str = " "  # lo que va delante de ! ? ; : (U+202F, un espacio o nada)
    mayusculas: tuple[str, ...] = ()  # palabras que el francés escribe con mayúscula (nombres propios)

    @property
    def num_encoder_tokens(self) -> int:
        return len(self.index2word_en)

    @property
    def num_decoder_tokens(self) -> int:
        return len(self.index2word_fr)

    @cached_property
    def word2index_en(self) -> dict[str, int]:
        return crear_word2index(self.index2word_en)

    @cached_property
    def word2index_fr(self) -> dict[str, int]:
        return crear_word2index(self.index2word_fr)

    def a_diccionario(self) -> dict:
        """Forma serializable en JSON."""
        return {
            "index2word_en": list(self.index2word_en), "index2word_fr": list(self.index2word_fr),
            "max_tokens_en": self.max_tokens_en, "max_tokens_fr": self.max_tokens_fr,
            "espacio_signos": self.espacio_signos, "mayusculas": list(self.mayusculas),
        }

    @classmethod
    def desde_diccionario(cls, datos: dict) -> "VocabularioPalabras":
        """Reconstruye el vocabulario de ``a_diccionario``; ``ValueError`` en español si no es coherente."""
        problema = _problema_del_vocabulario(datos)
        if problema:
            raise ValueError(f"el vocabulario de palabras no es válido: {problema}")
        return cls(tuple(datos["index2word_en"]), tuple(datos["index2word_fr"]), datos["max_tokens_en"],
                   datos["max_tokens_fr"], datos["espacio_signos"], tuple(datos["mayusculas"]))


def _problema_del_vocabulario(datos) -> str:
    """Qué tiene de incoherente un vocabulario de palabras en forma de diccionario, o ``""``."""
    if not isinstance(datos, dict):
        return f"se esperaba un diccionario, no {type(datos).__name__}"
    claves = ("index2word_en", "index2word_fr", "max_tokens_en", "max_tokens_fr", "espacio_signos", "mayusculas")
    faltan = [clave for clave in claves if clave not in datos]
    if faltan:
        return f"falta la clave {faltan[0]!r}"
    for clave in claves[:2]:
        lista = datos[clave]
        if not isinstance(lista, list) or not all(isinstance(p, str) and p for p in lista):
            return f"{clave} debe ser una lista de palabras"
        if tuple(lista[: len(ESPECIALES)]) != ESPECIALES:
            return f"{clave} debe empezar por los tokens especiales {list(ESPECIALES)}"
        if len(set(lista)) != len(lista):
            return f"{clave} repite palabras"
    for clave in claves[2:4]:
        if type(datos[clave]) is not int or datos[clave] < 1:
            return f"{clave} debe ser un entero mayor o igual que 1, no {datos[clave]!r}"
    if not isinstance(datos["espacio_signos"], str) or not isinstance(datos["mayusculas"], list):
        return "espacio_signos debe ser un texto y mayusculas una lista"
    return ""


def espacio_antes_de_signos(frases_francesas: Iterable[str]) -> str:
    """Lo que más a menudo va delante de ``! ? ; :`` en el francés original: U+202F, un espacio o nada.

    Se explica en 08_modelo_de_palabras_con_gru. Al volver a escribir una traducción se usa lo mismo
    que las referencias: el corpus del curso usa U+202F; Tatoeba, sobre todo un espacio normal.
    """
    cuenta = Counter(m.group(1) for f in frases_francesas for m in re.finditer(r"(\s?)[!?;:]", f))
    return cuenta.most_common(1)[0][0] if cuenta else " "


def palabras_con_mayuscula(frases_francesas: Iterable[str], idioma: str = "francés") -> list[str]:
    """Palabras que, fuera del principio de la frase, se escriben con mayúscula más de la mitad de las veces.

    Se explica en 08_modelo_de_palabras_con_gru. Son sobre todo nombres propios («Tom», «Paris»): al pasar
    a minúsculas se pierden, y con esta lista se recuperan al escribir la traducción.
    """
    mayusculas, total = Counter(), Counter()
    for frase in frases_francesas:
        for token in tokenizar(unicodedata.normalize("NFC", frase).translate(_APOSTROFOS), idioma)[1:]:
            total[token.lower()] += 1
            mayusculas[token.lower()] += token[:1].isupper()
    return sorted(p for p, n in mayusculas.items() if n > total[p] / 2)


def unir_frances(tokens: Sequence[str], vocab: "VocabularioPalabras") -> str:
    """Vuelve a escribir una frase francesa a partir de sus tokens. Se explica en 08_modelo_de_palabras_con_gru.

    Pega ``.`` y ``,`` a la palabra anterior y la elisión a la siguiente (``j'`` + ``ai`` → ``j'ai``),
    pone ``vocab.espacio_signos`` delante de ``! ? ; :`` y devuelve las mayúsculas: la primera
    letra y las palabras de ``vocab.mayusculas``.
    """
    texto, anterior = "", ""
    for i, token in enumerate(tokens):
        palabra = token.capitalize() if i == 0 or token in vocab.mayusculas else token
        if not texto or token in ".," or (anterior.endswith("'") and len(anterior) > 1):
            separador = ""
        elif token in "!?;:":
            separador = vocab.espacio_signos
        else:
            separador = " "
        texto, anterior = texto + separador + palabra, token
    return texto


# --- Todo junto: del corpus a los arreglos -------------------------------------------------------
@dataclass
class DatosPalabras:
    """Pares que pasan los filtros, su vocabulario y sus arreglos de ids (relleno 0)."""

    input_texts: list[str]  # las frases inglesas originales de los pares conservados
    target_texts: list[str]  # las francesas originales (sin tokens de inicio ni fin)
    tokens_en: list[list[str]]
    tokens_fr: list[list[str]]
    vocab: VocabularioPalabras
    encoder_input_ids: np.ndarray  # (N, max_tokens_en)
    decoder_input_ids: np.ndarray  # (N, max_tokens_fr + 1): <inicio> y la frase
    decoder_target_ids: np.ndarray  # (N, max_tokens_fr + 1): la frase y <fin>
    entrenamiento: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))  # índices en estos arreglos
    validacion: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    descartes: dict = field(default_factory=dict)  # pares descartados por cada filtro


def vectorizar_palabras(
    tokens_en: Sequence[Sequence[str]], tokens_fr: Sequence[Sequence[str]], vocab: VocabularioPalabras
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``encoder_input_ids``, ``decoder_input_ids`` (``<inicio>`` + frase) y ``decoder_target_ids`` (frase + ``<fin>``).

    Se explica en 08_modelo_de_palabras_con_gru. Relleno con ceros; el objetivo va un paso por delante.
    """
    ids_en = [tokens_a_ids(t, vocab.word2index_en) for t in tokens_en]
    ids_fr = [tokens_a_ids(t, vocab.word2index_fr) for t in tokens_fr]
    largo_fr = vocab.max_tokens_fr + 1
    return (rellenar(ids_en, vocab.max_tokens_en), rellenar([[ID_INICIO, *i] for i in ids_fr], largo_fr),
            rellenar([[*i, ID_FIN] for i in ids_fr], largo_fr))


def preparar_palabras(
    ingles: Sequence[str], frances: Sequence[str], tamano_vocabulario: int, max_tokens: int,
    fraccion_validacion: float = 0.2, semilla: int = 42, validacion: Sequence[int] | None = None,
) -> DatosPalabras:
    """Todo el flujo de datos del cuaderno 08 en una llamada, con la partición por frase inglesa.

    Se explica en 08_modelo_de_palabras_con_gru. La partición se hace **antes** de filtrar, sobre los
    pares leídos y con ``modelos.indices_de_validacion``, como para el modelo de caracteres: las
    frases de validación son las mismas para los dos. El vocabulario sale solo de la parte de
    entrenamiento: una palabra que solo está en validación es ``unk``, como lo sería al traducir.
    ``validacion``: los índices de los pares de validación, si ya vienen elegidos (así lo hace
    ``benchmarks/entrenar_palabras.py`` con la partición de todos los modelos del curso).
    """
    if validacion is None:
        _, validacion = indices_de_validacion(ingles, fraccion_validacion, semilla)
    es_validacion = np.zeros(len(ingles), dtype=bool)
    es_validacion[validacion] = True
    descartes = Counter()
    conservados, tokens_en, tokens_fr = [], [], []
    for i, (en, fr) in enumerate(zip(ingles, frances, strict=True)):
        en, fr = normalizar(en), normalizar(fr)
        if fuera_de_lista(en) or fuera_de_lista(fr):
            descartes["lista blanca"] += 1
            continue
        t_en, t_fr = tokenizar(en, "inglés"), tokenizar(fr, "francés")
        if not cabe(t_en, t_fr, max_tokens, max_tokens):
            descartes["longitud"] += 1
            continue
        conservados.append(i)
        tokens_en.append(t_en)
        tokens_fr.append(t_fr)
    if not conservados:
        raise ValueError(f"ningún par pasa los filtros ({dict(descartes)}): revisa la lista blanca y max_tokens={max_tokens}.")
    de_validacion = es_validacion[conservados]
    entrenan = np.flatnonzero(~de_validacion)
    frances_entrenamiento = [frances[conservados[i]] for i in entrenan]
    vocab = VocabularioPalabras(
        tuple(crear_index2word(frecuencias(tokens_en[i] for i in entrenan), tamano_vocabulario)),
        tuple(crear_index2word(frecuencias(tokens_fr[i] for i in entrenan), tamano_vocabulario)),
        max_tokens, max_tokens, espacio_antes_de_signos(frances_entrenamiento),
        tuple(palabras_con_mayuscula(frances_entrenamiento)),
    )
    return DatosPalabras(
        [ingles[i] for i in conservados], [frances[i] for i in conservados], tokens_en, tokens_fr, vocab,
        *vectorizar_palabras(tokens_en, tokens_fr, vocab), entrenan, np.flatnonzero(de_validacion), dict(descartes),
    )


# --- 7. Serializar: ids en NumPy, diccionarios en JSON ------------------------------------------
ARCHIVO_IDS, ARCHIVO_VOCABULARIO = "ids.npz", "vocabulario.json"


def guardar_datos(carpeta: str | Path, datos: DatosPalabras) -> Path:
    """Guarda los tres arreglos de ids (``ids.npz``) y el vocabulario (``vocabulario.json``).

    Se explica en 08_modelo_de_palabras_con_gru."""
    carpeta = Path(carpeta)
    carpeta.mkdir(parents=True, exist_ok=True)
    np.savez(carpeta / ARCHIVO_IDS, encoder_input_ids=datos.encoder_input_ids,
             decoder_input_ids=datos.decoder_input_ids, decoder_target_ids=datos.decoder_target_ids)
    (carpeta / ARCHIVO_VOCABULARIO).write_text(json.dumps(datos.vocab.a_diccionario(), ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    return carpeta


def leer_datos(carpeta: str | Path) -> tuple[dict[str, np.ndarray], VocabularioPalabras]:
    """Lee lo que guardó ``guardar_datos``: los arreglos por nombre y el vocabulario comprobado.

    Se explica en 08_modelo_de_palabras_con_gru."""
    carpeta = Path(carpeta)
    for nombre in (ARCHIVO_IDS, ARCHIVO_VOCABULARIO):
        if not (carpeta / nombre).is_file():
            raise FileNotFoundError(f"falta {nombre} en {carpeta.name!r}: guarda los datos antes con guardar_datos().")
    with np.load(carpeta / ARCHIVO_IDS, allow_pickle=False) as archivo:
        arreglos = {nombre: archivo[nombre] for nombre in archivo.files}
    vocab = VocabularioPalabras.desde_diccionario(json.loads((carpeta / ARCHIVO_VOCABULARIO).read_text(encoding="utf-8")))
    return arreglos, vocab


# --- 8. El modelo: Embedding + GRU de varias capas ------------------------------------------------
def construir_modelo_palabras(num_encoder_tokens: int, num_decoder_tokens: int, embedding_dim: int = 256,
                              unidades: int = 256, capas: int = 3, dropout: float = 0.0):
    """Codificador y decodificador GRU de ``capas`` capas; el estado final de cada capa inicia su gemela.

    Se explica en 08_modelo_de_palabras_con_gru. Los ``Embedding`` llevan ``mask_zero=True``: el id 0
    (relleno) da una máscara que las GRU respetan, así que el estado final del codificador es el de
    su última palabra real. Las capas tienen nombre (``encoder_gru_1``…) para los modelos de inferencia.
    Con ``dropout > 0``, una capa ``Dropout`` tras cada *embedding* y antes de la capa de salida (solo
    actúa al entrenar): es lo que usan los modelos que trae el curso, entrenados con todo Tatoeba.
    """
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    x = layers.Embedding(num_encoder_tokens, embedding_dim, mask_zero=True, name="encoder_embedding")(encoder_ids)
    if dropout:
        x = layers.Dropout(dropout, name="encoder_dropout")(x)
    estados = []
    for capa in range(1, capas + 1):
        x, estado = layers.GRU(unidades, return_sequences=True, return_state=True, name=f"encoder_gru_{capa}")(x)
        estados.append(estado)
    y = layers.Embedding(num_decoder_tokens, embedding_dim, mask_zero=True, name="decoder_embedding")(decoder_ids)
    if dropout:
        y = layers.Dropout(dropout, name="decoder_dropout")(y)
    for capa, estado in enumerate(estados, start=1):
        y, _ = layers.GRU(unidades, return_sequences=True, return_state=True, name=f"decoder_gru_{capa}")(
            y, initial_state=estado)
    if dropout:
        y = layers.Dropout(dropout, name="salida_dropout")(y)
    probabilidades = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")(y)
    return keras.Model([encoder_ids, decoder_ids], probabilidades, name="seq2seq_palabras")


def contar_parametros_gru(units: int, input_dim: int) -> int:
    """Parámetros de una GRU de Keras 3 (``reset_after=True``): 3 puertas × (entrada + recurrentes + 2 sesgos).

    Se explica en 08_modelo_de_palabras_con_gru."""
    return 3 * (units * (input_dim + units) + 2 * units)


def compilar_palabras(modelo, tasa_aprendizaje: float = 1e-3, clipnorm: float | None = 1.0):
    """Adam con recorte del gradiente y entropía cruzada que ignora el relleno (id 0).

    Se explica en 08_modelo_de_palabras_con_gru."""
    opciones = {"clipnorm": clipnorm} if clipnorm else {}
    modelo.compile(optimizer=keras.optimizers.Adam(learning_rate=tasa_aprendizaje, **opciones),
                   loss=keras.losses.SparseCategoricalCrossentropy(ignore_class=ID_RELLENO))
    return modelo


def lotes_palabras(datos: DatosPalabras, indices: np.ndarray, batch_size: int, semilla: int = 42, barajar: bool = True):
    """Lotes agrupados por longitud (``modelos.LotesPorLongitud`` con relleno 0) de unos pares.

    Se explica en 08_modelo_de_palabras_con_gru."""
    arreglos = (datos.encoder_input_ids, datos.decoder_input_ids, datos.decoder_target_ids)
    return LotesPorLongitud(*(a[indices] for a in arreglos), batch_size=batch_size, semilla=semilla, barajar=barajar,
                            recortar_codificador=True, relleno=ID_RELLENO)


def entrenar_palabras(modelo, datos: DatosPalabras, batch_size: int = 32, epocas: int = 50, paciencia: int = 5,
                      semilla: int = 42, verbose: bool = True, callbacks: Sequence = ()) -> dict:
    """Entrena un modelo ya compilado con la receta del curso: lotes por longitud y parada temprana.

    Se explica en 08_modelo_de_palabras_con_gru. La parada temprana vigila la pérdida de validación
    y se queda con los pesos de la mejor época. Devuelve el historial con los segundos de cada época.
    """
    reloj = ResumenDeEpocas(cada=1 if verbose else 10**9)
    parada = keras.callbacks.EarlyStopping(monitor="val_loss", patience=paciencia, restore_best_weights=True)
    historial = modelo.fit(
        lotes_palabras(datos, datos.entrenamiento, batch_size, semilla, barajar=True),
        validation_data=lotes_palabras(datos, datos.validacion, batch_size, semilla, barajar=False),
        epochs=epocas, callbacks=[parada, reloj, *callbacks], verbose=0,
    ).history
    return {**historial, "segundos": reloj.segundos}



class LotesConPrediccionesPropias(keras.utils.PyDataset):
    """Los mismos lotes, pero cada entrada del decodificador (salvo ``<inicio>`` y el relleno) pasa a ser,
    con probabilidad ``p``, la palabra que el propio modelo predijo en el paso anterior.

    Se explica en 08_modelo_de_palabras_con_gru: el muestreo programado en paralelo (una pasada con
    el forzado del profesor da las predicciones con las que se mezcla la entrada).
    """

    def __init__(self, lotes, modelo, p: float, semilla: int = 42, **kwargs):
        super().__init__(**kwargs)
        self.lotes, self.modelo, self.p = lotes, modelo, p
        self.rng = np.random.default_rng(semilla)

    def __len__(self) -> int:
        return len(self.lotes)

    def __getitem__(self, indice: int):
        (encoder_ids, decoder_ids), objetivo = self.lotes[indice]
        predichas = np.argmax(self.modelo.predict_on_batch([encoder_ids, decoder_ids]), axis=-1).astype("int32")
        cambiar = self.rng.random(decoder_ids.shape) < self.p
        cambiar[:, 0] = False  # <inicio> se queda
        cambiar &= decoder_ids != ID_RELLENO  # y el relleno también
        mezcladas = decoder_ids.copy()
        mezcladas[:, 1:][cambiar[:, 1:]] = predichas[:, :-1][cambiar[:, 1:]]
        return (encoder_ids, mezcladas), objetivo

    def on_epoch_end(self) -> None:
        self.lotes.on_epoch_end()

# --- 9. Inferencia: codificador y un paso del decodificador --------------------------------------
def numero_de_capas(modelo) -> int:
    """Cuántas capas GRU tiene el codificador (``encoder_gru_1``, ``encoder_gru_2``…)."""
    return sum(capa.name.startswith("encoder_gru_") for capa in modelo.layers)


def construir_modelos_inferencia_palabras(modelo):
    """Codificador (ids → un estado por capa) y paso del decodificador (id + estados → probabilidades + estados).

    Se explica en 08_modelo_de_palabras_con_gru. Reutiliza las capas entrenadas por su nombre y da
    nombre a las entradas de estado (``decoder_state_1``…), así que sirve también tras ``load_model``.
    """
    capas = numero_de_capas(modelo)
    encoder_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_ids")
    x = modelo.get_layer("encoder_embedding")(encoder_ids)
    estados = []
    for capa in range(1, capas + 1):
        x, estado = modelo.get_layer(f"encoder_gru_{capa}")(x)
        estados.append(estado)
    encoder_model = keras.Model(encoder_ids, estados, name="codificador_palabras")

    decoder_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_ids")
    unidades = modelo.get_layer("decoder_gru_1").units
    entradas = [keras.Input(shape=(unidades,), name=f"decoder_state_{capa}") for capa in range(1, capas + 1)]
    y = modelo.get_layer("decoder_embedding")(decoder_ids)
    nuevos = []
    for capa, estado in enumerate(entradas, start=1):
        y, nuevo = modelo.get_layer(f"decoder_gru_{capa}")(y, initial_state=estado)
        nuevos.append(nuevo)
    probabilidades = modelo.get_layer("decoder_dense")(y)
    decoder_model = keras.Model([decoder_ids, *entradas], [probabilidades, *nuevos], name="decodificador_palabras")
    return encoder_model, decoder_model


# --- 10. Decodificar por lotes: voraz y muestreo top-k ---------------------------------------------
def _generar(encoder_input_ids: np.ndarray, encoder_model, decoder_model, vocab: VocabularioPalabras, elegir) -> list[list[str]]:
    """Genera palabra a palabra para todas las frases a la vez; ``elegir(probabilidades)`` da un id por fila."""
    n = len(encoder_input_ids)
    estados = encoder_model.predict_on_batch(encoder_input_ids)
    estados = list(estados) if isinstance(estados, (list, tuple)) else [estados]
    actuales = np.full((n, 1), ID_INICIO, dtype="int32")
    terminadas = np.zeros(n, dtype=bool)
    generadas: list[list[str]] = [[] for _ in range(n)]
    for _ in range(vocab.max_tokens_fr + 1):  # la frase más larga y su <fin>
        probabilidades, *estados = decoder_model.predict_on_batch([actuales, *estados])
        elegidos = np.asarray(elegir(probabilidades[:, -1, :]))
        terminadas |= elegidos == ID_FIN
        for i in np.flatnonzero(~terminadas):
            generadas[i].append(vocab.index2word_fr[int(elegidos[i])])
        if terminadas.all():
            break
        actuales = elegidos[:, np.newaxis].astype("int32")
    return generadas


def _prohibidos(prohibir_unk: bool) -> list[int]:
    """Ids que nunca se generan: el relleno y el inicio, y ``unk`` si se pide."""
    return [ID_RELLENO, ID_INICIO, *([ID_DESCONOCIDA] if prohibir_unk else [])]


def decodificar_lote_palabras(encoder_input_ids: np.ndarray, encoder_model, decoder_model, vocab: VocabularioPalabras,
                              prohibir_unk: bool = False) -> list[list[str]]:
    """Decodificación voraz por lotes: los tokens franceses de cada frase (sin ``<fin>``).

    Se explica en 08_modelo_de_palabras_con_gru. Con ``prohibir_unk=True`` nunca elige ``unk``."""
    prohibidos = _prohibidos(prohibir_unk)

    def argmax(probabilidades):
        probabilidades = np.array(probabilidades, dtype="float64")
        probabilidades[:, prohibidos] = -1.0
        return np.argmax(probabilidades, axis=-1)

    return _generar(encoder_input_ids, encoder_model, decoder_model, vocab, argmax)


def muestrear_lote_palabras(encoder_input_ids: np.ndarray, encoder_model, decoder_model, vocab: VocabularioPalabras,
                            top_n: int = 3, temperatura: float = 1.0, rng: np.random.Generator | None = None,
                            prohibir_unk: bool = False) -> list[list[str]]:
    """Muestreo top-k por lotes (el de TensorLayer): cada palabra se sortea entre las ``top_n`` (= k) más probables.

    Se explica en 08_modelo_de_palabras_con_gru. Usa ``ajustar_distribucion`` y ``sortear`` de
    ``utils.decodificacion``; ``top_n=1`` es la voraz. Pasa ``rng=np.random.default_rng(semilla)`` para repetirlo.
    """
    rng = np.random.default_rng() if rng is None else rng
    prohibidos = _prohibidos(prohibir_unk)

    def sortear_top_n(probabilidades):
        return sortear(ajustar_distribucion(probabilidades, temperatura, top_n, prohibidos), rng)

    return _generar(encoder_input_ids, encoder_model, decoder_model, vocab, sortear_top_n)


# --- 11. Traducir el texto del usuario ------------------------------------------------------------
DESCONOCIDAS_VALIDAS = ("unk", "error")


def _revisar_frase_palabras(texto, vocab: VocabularioPalabras, desconocidas: str) -> tuple[list[int], str]:
    """Comprueba una frase y devuelve (sus ids, aviso o ``""``); errores en español que dicen qué hacer."""
    if not isinstance(texto, str):
        raise TypeError(_describir_recibido(texto, "un texto (str)", funcion="traducir_palabras"))
    tokens = tokenizar(normalizar(texto), "inglés")
    if not tokens:
        raise ValueError(f"la frase está vacía o solo tiene espacios ({_cita(texto, 20)}): escribe una frase en inglés, p. ej. 'Hi.'.")
    if len(tokens) > vocab.max_tokens_en:
        raise ValueError(
            f"la frase {_cita(texto)} tiene {len(tokens)} tokens (palabras y signos) y el modelo admite como máximo "
            f"{vocab.max_tokens_en} (el límite del filtro por longitud). Acórtala o pártela en frases más cortas, "
            f"una por elemento de la lista."
        )
    desconocidas_en_frase = [t for t in tokens if t not in vocab.word2index_en]
    if desconocidas_en_frase and (desconocidas == "error" or len(desconocidas_en_frase) == len(tokens)):
        raise ValueError(
            f"la frase {_cita(texto)} tiene palabras que el modelo no conoce: {', '.join(map(repr, desconocidas_en_frase))}"
            + (" y ninguna que conozca. " if len(desconocidas_en_frase) == len(tokens) else ". ")
            + "Escríbela con otras palabras" + (" o usa desconocidas='unk'." if desconocidas == "error" else ".")
        )
    aviso = ""
    if desconocidas_en_frase:
        aviso = (f"en {_cita(texto)}, el modelo no conoce {', '.join(map(repr, desconocidas_en_frase))}: "
                 f"se traduce{'n' if len(desconocidas_en_frase) > 1 else ''} como «{DESCONOCIDA}».")
    return tokens_a_ids(tokens, vocab.word2index_en), aviso


def traducir_palabras(textos: str | Sequence[str], encoder_model, decoder_model, vocab: VocabularioPalabras,
                      desconocidas: str = "unk", prohibir_unk: bool = False) -> str | list[str]:
    """Traduce del inglés al francés una frase (``str``) o varias (lista o tupla) con el modelo de palabras.

    Se explica en 08_modelo_de_palabras_con_gru. Como ``decodificacion.traducir``: una frase vacía,
    algo que no es texto o una frase más larga que el límite dan un error en español que dice qué
    hacer, y si una lista tiene frases malas, un solo error las enumera todas. Una palabra que el
    modelo no conoce se lee como ``unk`` con un aviso ⚠️ visible (``desconocidas="error"``: error).
    """
    if desconocidas not in DESCONOCIDAS_VALIDAS:
        raise ValueError(f"desconocidas debe ser uno de {DESCONOCIDAS_VALIDAS}, no {desconocidas!r}.")
    revisadas = _revisar_entrada(textos, vocab, desconocidas, revisar=_revisar_frase_palabras, funcion="traducir_palabras")
    entrada = rellenar([ids for ids, _ in revisadas], max(len(ids) for ids, _ in revisadas))
    salidas = [unir_frances(t, vocab) for t in
               decodificar_lote_palabras(entrada, encoder_model, decoder_model, vocab, prohibir_unk)]
    return salidas[0] if isinstance(textos, str) else salidas


def medir_decodificacion(frases_ids: np.ndarray, encoder_model, decoder_model, vocab: VocabularioPalabras,
                         lote: int = 512) -> tuple[list[str], float]:
    """Traducciones voraces (texto) de muchas frases por lotes y los segundos que costaron, sin el calentamiento."""
    for n in (2, 3):  # traza el grafo y lo vuelve a trazar para cualquier tamaño de lote (reduce_retracing)
        decodificar_lote_palabras(frases_ids[:n], encoder_model, decoder_model, vocab)
    inicio = time.perf_counter()
    salidas = []
    for i in range(0, len(frases_ids), lote):
        salidas += [unir_frances(t, vocab) for t in
                    decodificar_lote_palabras(frases_ids[i : i + lote], encoder_model, decoder_model, vocab)]
    return salidas, time.perf_counter() - inicio
