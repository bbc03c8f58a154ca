"""Etapa de datos: leer el corpus, obtener el archivo completo, vocabularios y vectorización.

Se enseña paso a paso en ``02_datos_y_vectorizacion``; los cuadernos siguientes importan
de aquí el mismo código.

Convenciones (las del blog de Keras y del curso original):

- ``input_texts``: frases en inglés, lo que lee el codificador.
- ``target_texts``: frases en francés con ``INICIO`` (``"\\t"``) delante y ``FIN``
  (``"\\n"``) detrás, lo que produce el decodificador.
- Relleno (*padding*): en los arreglos *one-hot*, las posiciones posteriores al final de
  una frase son filas de ceros (ningún carácter encendido). En los arreglos de enteros,
  esas posiciones valen ``ID_RELLENO = -1``; ``ids_a_one_hot`` convierte -1 en una fila
  de ceros, así que ambas representaciones son exactamente equivalentes.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import urllib.error
import urllib.request
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from utils.configuracion import (
    DIR_DATOS,
    DIR_DESCARGAS,
    VARIABLE_CORPUS,
    Configuracion,
    avisar,
    obtener_configuracion,
)

INICIO = "\t"  # token de inicio de secuencia en los textos objetivo
FIN = "\n"  # token de fin de secuencia en los textos objetivo
ID_RELLENO = -1  # valor de relleno en los arreglos de enteros

CORPUS_CURSO = DIR_DATOS / "fra-eng-curso.txt"
URL_TATOEBA = "https://www.manythings.org/anki/fra-eng.zip"
MIEMBRO_ZIP = "fra.txt"
TAMANO_MINIMO_TXT = 5 * 1024 * 1024  # fra.txt completo ocupa decenas de MB
# manythings.org responde 403/406 al agente por defecto de Python (urllib).
AGENTE_NAVEGADOR = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36"
)
MAX_LINEAS_EN_AVISO = 5  # cuántos números de línea se muestran en los avisos


# --- Lectura del corpus ----------------------------------------------------------------
@dataclass
class LineaDescartada:
    """Una línea del archivo que no se pudo convertir en un par."""

    numero: int  # número de línea en el archivo, empezando en 1
    motivo: str
    texto: str


@dataclass
class Corpus:
    """Pares inglés–francés leídos de un archivo, con lo que se descartó y por qué."""

    ruta: Path
    ingles: list[str] = field(default_factory=list)
    frances: list[str] = field(default_factory=list)
    atribuciones: list[str] = field(default_factory=list)  # "" en el formato de 2 columnas
    descartadas: list[LineaDescartada] = field(default_factory=list)
    lineas_en_blanco: int = 0
    lineas_leidas: int = 0

    def __len__(self) -> int:
        return len(self.ingles)

    @property
    def pares_repetidos(self) -> int:
        """Pares idénticos a otro anterior (se conservan, como en la receta clásica)."""
        return len(self.ingles) - len(set(zip(self.ingles, self.frances)))

    def resumen(self) -> str:
        """Una línea con lo leído, lo saltado y lo repetido."""
        columnas = "3 columnas, con atribución" if any(self.atribuciones) else "2 columnas"
        texto = f"Leídos {_contar(len(self), 'par', 'pares')} de {self.ruta.name} ({columnas}; "
        texto += _contar(self.lineas_leidas, "línea examinada", "líneas examinadas")
        if self.lineas_en_blanco:
            texto += f", {self.lineas_en_blanco} en blanco"
        if self.descartadas:
            texto += ", " + _contar(len(self.descartadas), "mal formada", "mal formadas")
        if self.pares_repetidos:
            texto += ", " + _contar(self.pares_repetidos, "par repetido conservado", "pares repetidos conservados")
        return texto + ")."


def _contar(n: int, singular: str, plural: str) -> str:
    """«1 par», «2 pares»: el número con la palabra en singular o plural."""
    return f"{n} {singular if n == 1 else plural}"


def _partir_lineas(contenido: bytes) -> list[bytes]:
    """Parte el archivo en líneas aceptando LF, CRLF y CR, sin decodificarlo aún."""
    if contenido.startswith(b"\xef\xbb\xbf"):  # BOM de UTF-8
        contenido = contenido[3:]
    if b"\n" not in contenido and b"\r" in contenido:
        return contenido.split(b"\r")
    lineas = contenido.split(b"\n")
    if lineas and lineas[-1] == b"":  # el salto de línea final no abre una línea nueva
        lineas.pop()
    return [linea[:-1] if linea.endswith(b"\r") else linea for linea in lineas]


def _analizar_linea(crudo: bytes) -> tuple[str, str, str] | str:
    """Devuelve (inglés, francés, atribución) o, si la línea no vale, el motivo."""
    try:
        linea = crudo.decode("utf-8")
    except UnicodeDecodeError:
        return "no es UTF-8 válido (¿el archivo está en latin-1?)"
    columnas = linea.split("\t")
    if len(columnas) == 1:
        return "no tiene tabulador entre inglés y francés"
    if len(columnas) > 3:
        return f"tiene {len(columnas)} columnas (se esperan 2 o 3)"
    ingles, frances = columnas[0].strip(), columnas[1].strip()
    if not ingles or not frances:
        return "la frase en inglés o en francés está vacía"
    atribucion = columnas[2].strip() if len(columnas) == 3 else ""
    return ingles, frances, atribucion


def leer_pares(
    ruta: str | Path,
    num_pares: int | None = None,
    estricto: bool = False,
    mostrar_resumen: bool = True,
) -> Corpus:
    """Lee un archivo de Tatoeba/manythings (2 o 3 columnas) en el orden del archivo.

    Se explica en 02_datos_y_vectorizacion.

    Args:
        ruta: archivo de texto ``inglés<TAB>francés[<TAB>atribución]``, UTF-8 con o sin BOM,
            fin de línea LF o CRLF.
        num_pares: si se indica, se detiene al reunir ese número de pares válidos
            (los primeros del archivo, como la receta clásica).
        estricto: si es ``True``, una línea mal formada lanza ``ValueError`` con su
            número; si es ``False``, se salta, se cuenta y se avisa.
        mostrar_resumen: imprime una línea con lo leído y, si hace falta, un aviso.
    """
    ruta = Path(ruta)
    if num_pares is not None and (not isinstance(num_pares, int) or isinstance(num_pares, bool) or num_pares < 1):
        raise ValueError(f"num_pares debe ser un entero positivo o None, no {num_pares!r}.")
    if not ruta.is_file():
        raise FileNotFoundError(
            f"no existe el archivo de datos {ruta.name!r}. Comprueba la ruta o usa "
            f"obtener_ruta_corpus() para descargarlo o usar el corpus de datos/."
        )
    corpus = Corpus(ruta=ruta)
    contenido = ruta.read_bytes()
    lineas = _partir_lineas(contenido)
    cortada = not contenido.endswith((b"\n", b"\r"))  # sin salto final: la última línea puede estar cortada
    for numero, crudo in enumerate(lineas, start=1):
        if num_pares is not None and len(corpus) >= num_pares:
            break
        corpus.lineas_leidas = numero
        if not crudo.strip():
            corpus.lineas_en_blanco += 1
            continue
        resultado = _analizar_linea(crudo)
        if isinstance(resultado, str):
            if cortada and numero == len(lineas):
                resultado += " (es la última línea y el archivo no termina en salto de línea: ¿se cortó?)"
            texto = crudo.decode("utf-8", errors="replace")
            if estricto:
                raise ValueError(
                    f"{ruta.name}, línea {numero}: {resultado}: {texto[:80]!r}. Corrige la "
                    f"línea o lee con estricto=False para saltarla con un aviso."
                )
            corpus.descartadas.append(LineaDescartada(numero, resultado, texto))
            continue
        corpus.ingles.append(resultado[0])
        corpus.frances.append(resultado[1])
        corpus.atribuciones.append(resultado[2])
    if not corpus.ingles:
        raise ValueError(
            f"{ruta.name} no contiene ningún par válido ({corpus.lineas_leidas} líneas "
            f"examinadas). Debe tener líneas «inglés<TAB>francés»."
        )
    if mostrar_resumen:
        print(corpus.resumen())
        if corpus.descartadas:
            primeras = ", ".join(str(d.numero) for d in corpus.descartadas[:MAX_LINEAS_EN_AVISO])
            motivos = Counter(d.motivo for d in corpus.descartadas).most_common(1)[0][0]
            avisar(
                f"se saltaron {_contar(len(corpus.descartadas), 'línea mal formada', 'líneas mal formadas')} de {ruta.name} "
                f"(primeras: {primeras}; motivo más frecuente: {motivos}). "
                f"Están en corpus.descartadas."
            )
    return corpus


# --- El archivo completo: descarga con caché y alternativa sin red ------------------------
class ErrorDescarga(OSError):
    """No se pudo descargar o verificar el archivo completo de Tatoeba."""


def comprobar_zip(ruta_zip: Path, miembro: str = MIEMBRO_ZIP, tamano_minimo: int | None = None) -> None:
    """Comprueba que el zip está íntegro (CRC), contiene ``miembro`` y tiene un tamaño creíble."""
    tamano_minimo = TAMANO_MINIMO_TXT if tamano_minimo is None else tamano_minimo
    if not zipfile.is_zipfile(ruta_zip):
        raise ErrorDescarga(f"lo descargado ({ruta_zip.stat().st_size} bytes) no es un archivo zip.")
    with zipfile.ZipFile(ruta_zip) as archivo:
        if miembro not in archivo.namelist():
            raise ErrorDescarga(
                f"el zip no contiene {miembro!r} (contiene: {', '.join(archivo.namelist())})."
            )
        try:
            danado = archivo.testzip()
        except (zlib.error, EOFError) as error:  # datos comprimidos rotos: ni siquiera llega al CRC
            raise ErrorDescarga(f"el zip está dañado: sus datos no se pueden descomprimir ({error}).") from error
        if danado is not None:
            raise ErrorDescarga(f"el zip está dañado: {danado!r} no supera la comprobación CRC.")
        tamano = archivo.getinfo(miembro).file_size
        if tamano < tamano_minimo:
            raise ErrorDescarga(
                f"{miembro} ocupa {tamano} bytes, menos de los {tamano_minimo} esperados: "
                f"la descarga parece incompleta."
            )


def descargar_tatoeba(
    destino: Path = DIR_DESCARGAS, url: str = URL_TATOEBA, forzar: bool = False, tiempo_limite: float = 60
) -> Path:
    """Descarga ``fra-eng.zip`` a una caché, lo verifica y devuelve la ruta de ``fra.txt``.

    Se explica en 02_datos_y_vectorizacion.

    Todo se escribe primero con nombre temporal y solo se renombra tras verificarlo, así que
    la caché nunca guarda un archivo roto. Lanza ``ErrorDescarga`` si algo falla.
    """
    destino = Path(destino)
    ruta_txt = destino / MIEMBRO_ZIP
    if ruta_txt.is_file() and not forzar:
        return ruta_txt
    destino.mkdir(parents=True, exist_ok=True)
    zip_parcial = destino / "fra-eng.zip.parcial"
    txt_parcial = destino / f"{MIEMBRO_ZIP}.parcial"
    print(f"Descargando {url} (unos 7 MB)…")
    try:
        peticion = urllib.request.Request(url, headers={"User-Agent": AGENTE_NAVEGADOR})
        with urllib.request.urlopen(peticion, timeout=tiempo_limite) as respuesta:
            with open(zip_parcial, "wb") as salida:
                shutil.copyfileobj(respuesta, salida)
        comprobar_zip(zip_parcial)
        with zipfile.ZipFile(zip_parcial) as archivo, open(txt_parcial, "wb") as salida:
            shutil.copyfileobj(archivo.open(MIEMBRO_ZIP), salida)
        os.replace(zip_parcial, destino / "fra-eng.zip")
        os.replace(txt_parcial, ruta_txt)
    except urllib.error.HTTPError as error:
        raise ErrorDescarga(f"el servidor respondió con el error HTTP {error.code} ({error.reason}).") from error
    except urllib.error.URLError as error:
        raise ErrorDescarga(f"no hay conexión con el servidor ({error.reason}).") from error
    except TimeoutError as error:
        raise ErrorDescarga(f"el servidor no respondió en {tiempo_limite:.0f} s.") from error
    except http.client.HTTPException as error:  # p. ej. IncompleteRead, que no es OSError
        raise ErrorDescarga(f"la transferencia se cortó a medias ({error!r}). Vuelve a intentarlo.") from error
    except (OSError, zipfile.BadZipFile) as error:
        if isinstance(error, ErrorDescarga):
            raise
        raise ErrorDescarga(f"no se pudo guardar o leer la descarga ({error}).") from error
    finally:
        for parcial in (zip_parcial, txt_parcial):
            parcial.unlink(missing_ok=True)
    print(f"Descarga verificada y guardada en la caché datos/descargas/{MIEMBRO_ZIP}.")
    return ruta_txt


def obtener_ruta_corpus(config: Configuracion | None = None, descargar=descargar_tatoeba) -> Path:
    """Elige el archivo de datos: ``SEQ2SEQ_CORPUS``, el Tatoeba completo o el de ``datos/``.

    Se explica en 02_datos_y_vectorizacion.

    En la configuración «curso» intenta la descarga (o la caché); si falla, lo dice y usa
    el corpus del curso. En la configuración «prueba» nunca usa la red.
    """
    config = config or obtener_configuracion()
    indicado = os.environ.get(VARIABLE_CORPUS, "").strip()
    if indicado:
        ruta = Path(indicado).expanduser()
        if not ruta.is_file():
            raise FileNotFoundError(
                f"{VARIABLE_CORPUS} apunta a {ruta.name!r}, que no existe. Corrige la ruta o "
                f"borra la variable para usar la descarga o el corpus de datos/."
            )
        print(f"Corpus: {ruta.name} (indicado en {VARIABLE_CORPUS}).")
        return ruta
    if config.datos_completos:
        try:
            ruta = descargar()
            print(f"Corpus: archivo completo de Tatoeba ({ruta.name}, desde la caché datos/descargas/).")
            return ruta
        except ErrorDescarga as error:
            avisar(
                f"no se pudo obtener el archivo completo de Tatoeba: {error} Se usa el corpus "
                f"del curso, datos/{CORPUS_CURSO.name}, que es más pequeño: los resultados serán "
                f"más modestos. Con red, vuelve a ejecutar esta celda."
            )
    motivo = "sin red" if config.datos_completos else f"la configuración «{config.nombre}» no usa la red"
    print(f"Corpus: datos/{CORPUS_CURSO.name} (corpus del curso; {motivo}).")
    return CORPUS_CURSO


def cargar_corpus(config: Configuracion | None = None) -> Corpus:
    """Obtiene el archivo que corresponde a la configuración y lee sus primeros ``num_pares``."""
    config = config or obtener_configuracion()
    return leer_pares(obtener_ruta_corpus(config), num_pares=config.num_pares)


# --- Vocabularios ----------------------------------------------------------------------
def agregar_tokens(frase: str) -> str:
    """Rodea una frase objetivo con los tokens de inicio (``\\t``) y fin (``\\n``).

    Se explica en 02_datos_y_vectorizacion."""
    return INICIO + frase + FIN


def construir_vocabulario(textos: Iterable[str]) -> list[str]:
    """Lista ordenada (y por tanto determinista) de los caracteres que aparecen en ``textos``.

    Se explica en 02_datos_y_vectorizacion."""
    return sorted(set("".join(textos)))


def crear_indices(caracteres: Sequence[str]) -> tuple[dict[str, int], dict[int, str]]:
    """Diccionarios carácter→índice e índice→carácter. Se explica en 02_datos_y_vectorizacion."""
    token_index = {caracter: i for i, caracter in enumerate(caracteres)}
    reverse_index = {i: caracter for i, caracter in enumerate(caracteres)}
    return token_index, reverse_index


@dataclass(frozen=True)
class Vocabulario:
    """Todo lo necesario para vectorizar y decodificar: caracteres y longitudes máximas."""

    input_characters: tuple[str, ...]
    target_characters: tuple[str, ...]
    max_encoder_seq_length: int
    max_decoder_seq_length: int

    @property
    def num_encoder_tokens(self) -> int:
        return len(self.input_characters)

    @property
    def num_decoder_tokens(self) -> int:
        return len(self.target_characters)

    @cached_property
    def input_token_index(self) -> dict[str, int]:
        return crear_indices(self.input_characters)[0]

    @cached_property
    def target_token_index(self) -> dict[str, int]:
        return crear_indices(self.target_characters)[0]

    @cached_property
    def reverse_input_char_index(self) -> dict[int, str]:
        return crear_indices(self.input_characters)[1]

    @cached_property
    def reverse_target_char_index(self) -> dict[int, str]:
        return crear_indices(self.target_characters)[1]

    def a_diccionario(self) -> dict:
        """Forma serializable en JSON (para guardarla junto a un modelo)."""
        return {
            "input_characters": list(self.input_characters),
            "target_characters": list(self.target_characters),
            "max_encoder_seq_length": self.max_encoder_seq_length,
            "max_decoder_seq_length": self.max_decoder_seq_length,
        }

    @classmethod
    def desde_diccionario(cls, datos: dict) -> "Vocabulario":
        """Reconstruye el vocabulario guardado con ``a_diccionario``."""
        return cls(
            input_characters=tuple(datos["input_characters"]),
            target_characters=tuple(datos["target_characters"]),
            max_encoder_seq_length=int(datos["max_encoder_seq_length"]),
            max_decoder_seq_length=int(datos["max_decoder_seq_length"]),
        )


def crear_vocabulario(input_texts: Sequence[str], target_texts: Sequence[str]) -> Vocabulario:
    """Vocabularios de caracteres y longitudes máximas de entradas y objetivos (con tokens).

    Se explica en 02_datos_y_vectorizacion."""
    if not input_texts or len(input_texts) != len(target_texts):
        raise ValueError(
            f"hacen falta tantas entradas como objetivos, y al menos una "
            f"(hay {len(input_texts)} entradas y {len(target_texts)} objetivos)."
        )
    sin_tokens = [t for t in target_texts if not (t.startswith(INICIO) and t.endswith(FIN))]
    if sin_tokens:
        raise ValueError(
            f"{len(sin_tokens)} textos objetivo no llevan los tokens de inicio y fin "
            f"(por ejemplo {sin_tokens[0]!r}). Aplica agregar_tokens() a cada frase en francés."
        )
    return Vocabulario(
        input_characters=tuple(construir_vocabulario(input_texts)),
        target_characters=tuple(construir_vocabulario(target_texts)),
        max_encoder_seq_length=max(len(t) for t in input_texts),
        max_decoder_seq_length=max(len(t) for t in target_texts),
    )


# --- Texto → índices -------------------------------------------------------------------
DESCONOCIDOS_VALIDOS = ("error", "omitir")


def texto_a_ids(texto: str, token_index: dict[str, int], desconocidos: str = "error") -> list[int]:
    """Índices de los caracteres de ``texto``. Se explica en 02_datos_y_vectorizacion.

    Un carácter que no está en el vocabulario lanza ``ValueError`` que lo nombra
    (``desconocidos="error"``) o se quita con un aviso visible (``desconocidos="omitir"``).
    """
    if not isinstance(texto, str):
        raise TypeError(f"se esperaba un texto (str), no {type(texto).__name__}.")
    if desconocidos not in DESCONOCIDOS_VALIDOS:
        raise ValueError(f"desconocidos debe ser uno de {DESCONOCIDOS_VALIDOS}, no {desconocidos!r}.")
    extranos = sorted({c for c in texto if c not in token_index})
    if extranos:
        nombres = ", ".join(repr(c) for c in extranos)
        if desconocidos == "error":
            raise ValueError(
                f"el texto {texto[:60]!r} contiene caracteres que el modelo no conoce: {nombres}. "
                f"Quítalos o usa desconocidos='omitir'. Caracteres válidos: {''.join(token_index)!r}"
            )
        avisar(f"se omiten caracteres que el modelo no conoce: {nombres}.")
    return [token_index[c] for c in texto if c in token_index]


def _comprobar_longitud(longitud: int, maximo: int, texto: str, lado: str) -> None:
    if longitud > maximo:
        raise ValueError(
            f"el texto {texto[:60]!r} tiene {longitud} caracteres y el {lado} admite como "
            f"máximo {maximo}. Acórtalo o divídelo en frases más cortas."
        )


# --- Vectorización ---------------------------------------------------------------------
def vectorizar_one_hot(
    input_texts: Sequence[str], target_texts: Sequence[str], vocab: Vocabulario
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Arreglos *one-hot* float32 ``encoder_input_data``, ``decoder_input_data`` y ``decoder_target_data``.

    Se explica en 02_datos_y_vectorizacion.

    Formas: ``(N, max_encoder_seq_length, num_encoder_tokens)`` y
    ``(N, max_decoder_seq_length, num_decoder_tokens)``. ``decoder_target_data`` va un
    paso por delante de ``decoder_input_data`` y no incluye ``\\t``. El relleno son filas de ceros.
    """
    n = len(input_texts)
    encoder_input_data = np.zeros((n, vocab.max_encoder_seq_length, vocab.num_encoder_tokens), dtype="float32")
    decoder_input_data = np.zeros((n, vocab.max_decoder_seq_length, vocab.num_decoder_tokens), dtype="float32")
    decoder_target_data = np.zeros_like(decoder_input_data)
    for i, (input_text, target_text) in enumerate(zip(input_texts, target_texts, strict=True)):
        _comprobar_longitud(len(input_text), vocab.max_encoder_seq_length, input_text, "codificador")
        _comprobar_longitud(len(target_text), vocab.max_decoder_seq_length, target_text, "decodificador")
        for t, indice in enumerate(texto_a_ids(input_text, vocab.input_token_index)):
            encoder_input_data[i, t, indice] = 1.0
        for t, indice in enumerate(texto_a_ids(target_text, vocab.target_token_index)):
            decoder_input_data[i, t, indice] = 1.0
            if t > 0:  # el objetivo en t-1 es el carácter que entra en t
                decoder_target_data[i, t - 1, indice] = 1.0
    return encoder_input_data, decoder_input_data, decoder_target_data


def vectorizar_ids(
    input_texts: Sequence[str], target_texts: Sequence[str], vocab: Vocabulario
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Los mismos datos como enteros int32 (camino ligero): ``(N, max_enc)`` y ``(N, max_dec)``.

    Se explica en 02_datos_y_vectorizacion.

    Devuelve ``encoder_input_ids``, ``decoder_input_ids`` y ``decoder_target_ids``; el relleno
    vale ``ID_RELLENO`` (-1). ``ids_a_one_hot`` recupera exactamente los arreglos *one-hot*.
    """
    n = len(input_texts)
    encoder_input_ids = np.full((n, vocab.max_encoder_seq_length), ID_RELLENO, dtype="int32")
    decoder_input_ids = np.full((n, vocab.max_decoder_seq_length), ID_RELLENO, dtype="int32")
    decoder_target_ids = np.full_like(decoder_input_ids, ID_RELLENO)
    for i, (input_text, target_text) in enumerate(zip(input_texts, target_texts, strict=True)):
        _comprobar_longitud(len(input_text), vocab.max_encoder_seq_length, input_text, "codificador")
        _comprobar_longitud(len(target_text), vocab.max_decoder_seq_length, target_text, "decodificador")
        entrada = texto_a_ids(input_text, vocab.input_token_index)
        objetivo = texto_a_ids(target_text, vocab.target_token_index)
        encoder_input_ids[i, : len(entrada)] = entrada
        decoder_input_ids[i, : len(objetivo)] = objetivo
        decoder_target_ids[i, : len(objetivo) - 1] = objetivo[1:]
    return encoder_input_ids, decoder_input_ids, decoder_target_ids


def ids_a_one_hot(ids: np.ndarray, num_tokens: int) -> np.ndarray:
    """Convierte enteros en *one-hot* float32; ``ID_RELLENO`` da una fila de ceros.

    Se explica en 02_datos_y_vectorizacion."""
    ids = np.asarray(ids)
    fuera = ids[(ids < ID_RELLENO) | (ids >= num_tokens)]
    if fuera.size:
        raise ValueError(
            f"hay índices fuera del vocabulario de {num_tokens} caracteres (por ejemplo {int(fuera[0])}). "
            f"¿Vienen de otro vocabulario o modelo? El relleno debe ser {ID_RELLENO}."
        )
    return (ids[..., np.newaxis] == np.arange(num_tokens)).astype("float32")


def ids_a_texto(ids: Iterable[int], reverse_index: dict[int, str]) -> str:
    """Texto de una secuencia de índices; el relleno se ignora.

    Se explica en 02_datos_y_vectorizacion."""
    caracteres = []
    for i in ids:
        if int(i) == ID_RELLENO:
            continue
        if int(i) not in reverse_index:
            raise ValueError(
                f"el índice {int(i)} no existe en este vocabulario (0 a {len(reverse_index) - 1}). "
                f"¿Los índices vienen de otro vocabulario o modelo?"
            )
        caracteres.append(reverse_index[int(i)])
    return "".join(caracteres)


def frase_a_encoder_input(
    frase: str, vocab: Vocabulario, desconocidos: str = "error", one_hot: bool = True
) -> np.ndarray:
    """Convierte una frase nueva en inglés en la entrada del codificador, con lote de 1.

    Se explica en 02_datos_y_vectorizacion.

    Devuelve ``(1, max_encoder_seq_length, num_encoder_tokens)`` en *one-hot* o
    ``(1, max_encoder_seq_length)`` en enteros. Caracteres desconocidos: ver ``texto_a_ids``.
    Una frase más larga que ``max_encoder_seq_length`` lanza ``ValueError``.
    """
    indices = texto_a_ids(frase, vocab.input_token_index, desconocidos)
    if not indices:
        raise ValueError(f"la frase {frase!r} no tiene ningún carácter que el modelo conozca.")
    _comprobar_longitud(len(indices), vocab.max_encoder_seq_length, frase, "codificador")
    ids = np.full((1, vocab.max_encoder_seq_length), ID_RELLENO, dtype="int32")
    ids[0, : len(indices)] = indices
    return ids_a_one_hot(ids, vocab.num_encoder_tokens) if one_hot else ids


# --- Todo junto (para los cuadernos 03 en adelante) -------------------------------------
@dataclass
class DatosVectorizados:
    """Textos, vocabulario y arreglos *one-hot* listos para entrenar."""

    input_texts: list[str]
    target_texts: list[str]
    vocab: Vocabulario
    encoder_input_data: np.ndarray
    decoder_input_data: np.ndarray
    decoder_target_data: np.ndarray


def preparar_datos(config: Configuracion | None = None) -> DatosVectorizados:
    """Corpus de la configuración → tokens → vocabulario → arreglos *one-hot* (cuaderno 02, en una llamada)."""
    corpus = cargar_corpus(config)
    input_texts = corpus.ingles
    target_texts = [agregar_tokens(frase) for frase in corpus.frances]
    vocab = crear_vocabulario(input_texts, target_texts)
    arreglos = vectorizar_one_hot(input_texts, target_texts, vocab)
    return DatosVectorizados(input_texts, target_texts, vocab, *arreglos)


# --- Camino ligero: enteros y lotes agrupados por longitud ---------------------------------
# Se explica en 03_modelo_de_entrenamiento. Nada de aquí crea arreglos one-hot: los lotes se
# arman con los arreglos de enteros de vectorizar_ids y el one-hot se hace dentro del modelo.
@dataclass
class DatosIds:
    """Textos, vocabulario y arreglos de enteros (sin *one-hot*) listos para el camino ligero."""

    input_texts: list[str]
    target_texts: list[str]
    vocab: Vocabulario
    encoder_input_ids: np.ndarray
    decoder_input_ids: np.ndarray
    decoder_target_ids: np.ndarray


def preparar_ids(
    config: Configuracion | None = None, ruta: str | Path | None = None, num_pares: int | None = None
) -> DatosIds:
    """Como ``preparar_datos``, pero con arreglos de enteros: nunca crea los arreglos *one-hot*.

    Se explica en 03_modelo_de_entrenamiento.

    Sin ``ruta`` lee el corpus de la configuración y sus ``config.num_pares`` pares; con ``ruta``,
    ese archivo y ``num_pares`` pares (todos si es ``None``).
    """
    if ruta is None:
        corpus = cargar_corpus(config)
    else:
        corpus = leer_pares(ruta, num_pares=num_pares)
    input_texts = corpus.ingles
    target_texts = [agregar_tokens(frase) for frase in corpus.frances]
    vocab = crear_vocabulario(input_texts, target_texts)
    return DatosIds(input_texts, target_texts, vocab, *vectorizar_ids(input_texts, target_texts, vocab))


def longitudes_sin_relleno(ids: np.ndarray) -> np.ndarray:
    """Caracteres reales de cada fila de un arreglo de enteros (las posiciones distintas de ``ID_RELLENO``).

    Se explica en 03_modelo_de_entrenamiento."""
    return (np.asarray(ids) != ID_RELLENO).sum(axis=-1)


def agrupar_por_longitud(
    longitudes: np.ndarray, batch_size: int, rng: np.random.Generator | None = None
) -> list[np.ndarray]:
    """Índices de los lotes de una época, cada lote con frases de longitud parecida.

    Se explica en 03_modelo_de_entrenamiento.

    Ordena las frases por longitud y las corta en lotes de ``batch_size``. Con ``rng``, las
    frases de igual longitud se desempatan al azar y los lotes salen en orden aleatorio (cada
    llamada, una época distinta); sin ``rng``, todo en orden (para validar). Cada frase aparece
    en un solo lote.
    """
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size debe ser un entero positivo, no {batch_size!r}.")
    longitudes = np.asarray(longitudes)
    desempate = rng.permutation(len(longitudes)) if rng is not None else np.arange(len(longitudes))
    orden = desempate[np.argsort(longitudes[desempate], kind="stable")]
    lotes = [orden[inicio : inicio + batch_size] for inicio in range(0, len(orden), batch_size)]
    if rng is not None:
        lotes = [lotes[i] for i in rng.permutation(len(lotes))]
    return lotes


def fraccion_de_relleno(longitudes: np.ndarray, lotes: Sequence[np.ndarray]) -> float:
    """Fracción de posiciones de relleno si cada lote se rellena solo hasta su frase más larga.

    Se explica en 03_modelo_de_entrenamiento.

    Con un único lote con todas las frases (``[np.arange(n)]``) da el relleno de la receta
    clásica, que rellena todo hasta la frase más larga del corpus.
    """
    longitudes = np.asarray(longitudes)
    posiciones = sum(len(lote) * int(longitudes[lote].max()) for lote in lotes if len(lote))
    return 1.0 - float(longitudes.sum()) / posiciones


def bytes_one_hot(num_pares: int, vocab: Vocabulario) -> int:
    """Bytes que ocuparían los tres arreglos *one-hot* float32 de ``num_pares`` pares (calculado, sin crearlos).

    Se explica en 03_modelo_de_entrenamiento."""
    por_par = vocab.max_encoder_seq_length * vocab.num_encoder_tokens + 2 * vocab.max_decoder_seq_length * vocab.num_decoder_tokens
    return 4 * num_pares * por_par


# --- ¿Qué frases puede leer un modelo? ---------------------------------------------------------
def motivo_intraducible(frase: str, vocab: Vocabulario) -> str | None:
    """Por qué el codificador de ``vocab`` no puede leer ``frase`` (``None`` si puede).

    Se explica en 07_busqueda_en_haz_y_evaluacion. Dos motivos: caracteres que no estaban en
    el entrenamiento, o más caracteres que ``max_encoder_seq_length``.
    """
    if any(c not in vocab.input_token_index for c in frase):
        return "caracteres que el modelo no conoce"
    if len(frase) > vocab.max_encoder_seq_length:
        return f"más de {vocab.max_encoder_seq_length} caracteres"
    return None


def huella(frase: str) -> int:
    """Un entero de 64 bits que identifica una frase (los 8 primeros bytes de su SHA-1), sin guardar el texto.

    El modelo preentrenado guarda las huellas de sus frases de entrenamiento para poder decir,
    de cualquier frase, si la vio al entrenar.
    """
    return int.from_bytes(hashlib.sha1(frase.encode("utf-8")).digest()[:8], "big")
