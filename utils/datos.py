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

import codecs
import hashlib
import http.client
import os
import re
import shutil
import stat
import unicodedata
import urllib.error
import urllib.request
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

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
    codificacion: str = "UTF-8"  # la del archivo: UTF-8, o UTF-16/UTF-32 si empieza con su BOM
    lineas_con_cr_suelto: list[int] = field(default_factory=list)  # \r sueltos en un archivo con \n
    lineas_con_invisibles: list[int] = field(default_factory=list)  # frases de las que se quitaron invisibles
    invisibles: Counter = field(default_factory=Counter)  # cuántas veces se quitó cada carácter invisible

    def __len__(self) -> int:
        return len(self.ingles)

    @property
    def pares_repetidos(self) -> int:
        """Pares idénticos a otro anterior (se conservan, como en la receta clásica)."""
        return len(self.ingles) - len(set(zip(self.ingles, self.frances)))

    def resumen(self) -> str:
        """Una línea con lo leído, lo saltado y lo repetido."""
        columnas = "3 columnas, con atribución" if any(self.atribuciones) else "2 columnas"
        if self.codificacion != "UTF-8":
            columnas = f"{self.codificacion}; {columnas}"
        texto = f"Leídos {_contar(len(self), 'par', 'pares')} de {self.ruta.name} ({columnas}; "
        texto += _contar(self.lineas_leidas, "línea examinada", "líneas examinadas")
        if self.lineas_en_blanco:
            texto += f", {self.lineas_en_blanco} en blanco"
        if self.descartadas:
            texto += ", " + _contar(len(self.descartadas), "mal formada", "mal formadas")
        if self.lineas_con_cr_suelto:
            n = len(self.lineas_con_cr_suelto)
            texto += ", " + _contar(n, "\\r suelto leído como salto de línea", "\\r sueltos leídos como saltos de línea")
        if self.lineas_con_invisibles:
            n = len(self.lineas_con_invisibles)
            texto += ", " + _contar(n, "con caracteres invisibles quitados", "con caracteres invisibles quitados")
        if self.pares_repetidos:
            texto += ", " + _contar(self.pares_repetidos, "par repetido conservado", "pares repetidos conservados")
        return texto + ")."


def _contar(n: int, singular: str, plural: str) -> str:
    """«1 par», «2 pares»: el número con la palabra en singular o plural."""
    return f"{n} {singular if n == 1 else plural}"


def _tamano_legible(n_bytes: int) -> str:
    """«9 kB», «18 MB», «2,5 GB»: el tamaño de un archivo para un mensaje."""
    if n_bytes >= 10**9:
        return f"{n_bytes / 10**9:.1f} GB".replace(".", ",")
    return f"{n_bytes / 10**6:.0f} MB" if n_bytes >= 10**6 else f"{max(n_bytes / 1000, 1):.0f} kB"


# El archivo se lee por trozos: nunca está entero en memoria, por grande que sea.
TAMANO_TROZO = 1024 * 1024  # bytes que se leen de una vez
LARGO_MAXIMO_LINEA = 1024 * 1024  # una línea más larga no es un par de frases (¿un binario?)
LARGO_MAXIMO_FRASE = 1000  # caracteres: una frase más larga se salta (todas se rellenan hasta la más larga)
MOTIVO_DEMASIADO_LARGA = f"una frase tiene más de {LARGO_MAXIMO_FRASE} caracteres"
_SALTO = re.compile(rb"\r\n|\r|\n")
_BOMS = (  # UTF-32 antes que UTF-16: el BOM de UTF-32 LE empieza como el de UTF-16 LE
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"), (b"\xef\xbb\xbf", "UTF-8"),
)
_FIRMAS = {b"PK\x03\x04": "un archivo zip", b"\x1f\x8b": "un archivo comprimido con gzip",
           b"BZh": "un archivo comprimido con bzip2", b"\xfd7zX": "un archivo comprimido con xz",
           b"7z\xbc\xaf": "un archivo 7z"}
# Caracteres invisibles que no pertenecen a una frase (llegan al copiar de una web, un PDF o un documento):
# se quitan de las frases con un aviso que nombra las líneas (error con estricto=True). El BOM del principio
# del archivo se quita sin aviso; los espacios de no separación del francés (U+00A0, U+202F) sí son texto.
_INVISIBLES = {
    "\u200b": "espacio de anchura cero", "\u2060": "unión de palabras", "\ufeff": "BOM dentro del texto",
    "\u00ad": "guion suave", "\u200e": "marca de izquierda a derecha", "\u200f": "marca de derecha a izquierda",
    "\u061c": "marca de letra árabe", **{chr(c): "control de dirección del texto (bidi)" for c in range(0x202A, 0x202F)},
    **{chr(c): "aislamiento de dirección del texto (bidi)" for c in range(0x2066, 0x206A)},
}
_RE_INVISIBLES = re.compile("[" + "".join(_INVISIBLES) + "]")
# Otros caracteres de control (salvo el tabulador): no son texto; la línea se salta como mal formada.
_RE_CONTROL = re.compile("[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
MOTIVO_CONTROL = "contiene un carácter de control"
MOTIVO_NO_UTF8 = "no es UTF-8 válido (¿el archivo está en latin-1?)"
MOTIVO_NULOS = "contiene bytes nulos (¿el archivo está en UTF-16 sin BOM?)"
_CORTADA = " (es la última línea y el archivo no termina en salto de línea: ¿se cortó?)"


def _trozos_utf8(archivo: BinaryIO) -> tuple[str, Iterator[bytes]]:
    """La codificación del archivo (por su BOM) y su contenido en trozos de bytes UTF-8, sin BOM.

    Un archivo UTF-16 o UTF-32 con BOM (Excel, «Texto Unicode») se decodifica y se vuelve a
    codificar en UTF-8 por trozos; sin BOM se lee como UTF-8.
    """
    inicio = archivo.read(4)
    codificacion, largo_bom = next(((c, len(b)) for b, c in _BOMS if inicio.startswith(b)), ("UTF-8", 0))
    archivo.seek(largo_bom if codificacion == "UTF-8" else 0)  # el decodificador de UTF-16 lee su BOM
    trozos = iter(lambda: archivo.read(TAMANO_TROZO), b"")
    if codificacion == "UTF-8":
        return codificacion, trozos
    decodificador = codecs.getincrementaldecoder(codificacion.lower())()

    def recodificados() -> Iterator[bytes]:
        for trozo in trozos:
            yield decodificador.decode(trozo).encode("utf-8")
        yield decodificador.decode(b"", final=True).encode("utf-8")

    return codificacion, recodificados()


def _lineas(trozos: Iterable[bytes], nombre: str) -> Iterator[tuple[bytes, bytes]]:
    """Cada línea con su final: ``\\n``, ``\\r\\n``, ``\\r`` o ``b""`` (la última, sin salto final).

    Acepta LF, CRLF y CR (también mezclados) aunque un ``\\r\\n`` quede partido entre dos trozos.
    """
    pendiente, numero = b"", 0
    for trozo in trozos:
        pendiente += trozo
        inicio = 0
        for salto in _SALTO.finditer(pendiente):
            if salto.group() == b"\r" and salto.end() == len(pendiente):
                break  # puede ser la primera mitad de un \r\n: se decide con el trozo siguiente
            numero += 1
            _comprobar_largo(salto.start() - inicio, numero, nombre)
            yield pendiente[inicio : salto.start()], salto.group()
            inicio = salto.end()
        pendiente = pendiente[inicio:]
        _comprobar_largo(len(pendiente), numero + 1, nombre)
    if pendiente:
        yield (pendiente[:-1], b"\r") if pendiente.endswith(b"\r") else (pendiente, b"")


def _comprobar_largo(largo: int, numero: int, nombre: str) -> None:
    """``ValueError`` que nombra la línea si tiene más de ``LARGO_MAXIMO_LINEA`` bytes (con o sin salto al final)."""
    if largo > LARGO_MAXIMO_LINEA:
        raise ValueError(
            f"la línea {numero} de {nombre} tiene más de {LARGO_MAXIMO_LINEA // 1024**2} MiB sin un salto "
            f"de línea: no parece un archivo de texto «inglés<TAB>francés». Comprueba que es el archivo correcto."
        )


def _analizar_linea(crudo: bytes) -> tuple[str, str, str, str] | str:
    """Devuelve (inglés, francés, atribución, invisibles quitados) en forma NFC o, si la línea no vale, el motivo."""
    try:
        linea = unicodedata.normalize("NFC", crudo.decode("utf-8"))
    except UnicodeDecodeError:
        return MOTIVO_NO_UTF8
    if "\x00" in linea:
        return MOTIVO_NULOS
    columnas = linea.split("\t")
    if len(columnas) == 1:
        return "no tiene tabulador entre inglés y francés"
    if len(columnas) > 3:
        return f"tiene {len(columnas)} columnas (se esperan 2 o 3)"
    quitados = "".join(_RE_INVISIBLES.findall(columnas[0] + columnas[1]))
    ingles, frances = (_RE_INVISIBLES.sub("", c).strip() for c in columnas[:2])
    control = _RE_CONTROL.search(ingles + frances)
    if control:
        return f"{MOTIVO_CONTROL} ({_nombre_unicode(control.group())}) dentro de una frase"
    if not ingles or not frances:
        return "la frase en inglés o en francés está vacía"
    largo = max(len(ingles), len(frances))
    if largo > LARGO_MAXIMO_FRASE:
        return (f"{MOTIVO_DEMASIADO_LARGA} ({largo} caracteres; las de Tatoeba no pasan de unos cientos): con ella, "
                f"cada frase del lote ocuparía lo que la más larga")
    atribucion = columnas[2].strip() if len(columnas) == 3 else ""
    return ingles, frances, atribucion, quitados


def _nombre_unicode(caracter: str) -> str:
    """«U+200B, espacio de anchura cero»: un carácter invisible o de control, nombrado para un mensaje."""
    return f"U+{ord(caracter):04X}" + (f", {_INVISIBLES[caracter]}" if caracter in _INVISIBLES else "")


def _como_convertir(nombre: str, desde: str) -> str:
    """Cómo pasar el archivo a UTF-8 con iconv o con Python (``desde``: ``latin1`` o ``UTF-16LE``)."""
    destino = f"{Path(nombre).stem}-utf8.txt"
    en_python = "cp1252" if desde == "latin1" else "utf-16-le"
    otra = " (o -f cp1252 si viene de Windows)" if desde == "latin1" else ""
    return (
        f"conviértelo a UTF-8: en una terminal, iconv -f {desde} -t utf-8 {nombre} > {destino}{otra}; en Python, "
        f"Path({destino!r}).write_text(Path({nombre!r}).read_text(encoding={en_python!r}), encoding='utf-8')."
    )


def _consejo(motivo: str, nombre: str) -> str:
    """Qué hacer con una línea descartada por ``motivo``: convertir el archivo o corregir la línea."""
    if motivo.startswith(MOTIVO_NO_UTF8):
        return f"Si el archivo está en latin-1 o Windows-1252, {_como_convertir(nombre, 'latin1')}"
    if motivo.startswith(MOTIVO_NULOS):
        return f"Si el archivo está en UTF-16, {_como_convertir(nombre, 'UTF-16LE')}"
    return "Corrige la línea."


def _rechazar_lo_que_no_es_un_archivo(ruta: Path, prefijo: str = "") -> None:
    """``IsADirectoryError`` si la ruta es una carpeta, con los ``.txt`` que hay dentro; ``ValueError`` si es
    un dispositivo, una tubería (FIFO) o un *socket*: leerlos no acabaría nunca o no daría un archivo de texto."""
    if ruta.is_dir():
        dentro = sorted(p.name for p in ruta.glob("*.txt"))[:MAX_LINEAS_EN_AVISO]
        lista = f" Dentro hay: {', '.join(dentro)}." if dentro else ""
        raise IsADirectoryError(
            f"{prefijo}{ruta.name!r} es una carpeta, no un archivo de datos.{lista} Indica el archivo, "
            f"p. ej. {ruta.name}/{dentro[0] if dentro else MIEMBRO_ZIP}."
        )
    try:
        modo = ruta.stat().st_mode
    except OSError:
        return  # no existe (o no se puede ver): lo dice quien llama
    clase = ("un dispositivo" if stat.S_ISCHR(modo) or stat.S_ISBLK(modo) else "una tubería con nombre (FIFO)"
             if stat.S_ISFIFO(modo) else "un socket" if stat.S_ISSOCK(modo) else None)
    if clase:
        raise ValueError(
            f"{prefijo}{ruta.name!r} es {clase}, no un archivo de datos: leerlo no terminaría o no daría un archivo "
            f"de texto. Guarda los datos en un archivo normal (p. ej. {MIEMBRO_ZIP}) e indica ese archivo."
        )


def _error_sin_pares(corpus: Corpus, no_utf8: tuple[int, bytes] | None) -> ValueError:
    """El error de un archivo sin ningún par válido; si la causa es la codificación, lo dice y cómo convertirlo."""
    nombre = corpus.ruta.name
    motivos = Counter(d.motivo.removesuffix(_CORTADA) for d in corpus.descartadas)
    con_texto = corpus.lineas_leidas - corpus.lineas_en_blanco
    if motivos and motivos.most_common(1)[0][0] == MOTIVO_NO_UTF8 and no_utf8:
        numero, crudo = no_utf8
        vista = crudo.decode("cp1252", errors="replace")[:60]
        return ValueError(
            f"{nombre} no está en UTF-8: {_contar(motivos[MOTIVO_NO_UTF8], 'línea', 'líneas')} con texto (de "
            f"{con_texto}) no se pueden leer como UTF-8. Leída como Windows-1252, la línea {numero} sería "
            f"{vista!r}. {_consejo(MOTIVO_NO_UTF8, nombre)}"
        )
    if motivos and motivos.most_common(1)[0][0] == MOTIVO_NULOS:
        return ValueError(
            f"{nombre} tiene bytes nulos: parece UTF-16 sin BOM (o un archivo binario) y no se pudo leer "
            f"ningún par. {_consejo(MOTIVO_NULOS, nombre)}"
        )
    frecuente = f" Motivo más frecuente: {motivos.most_common(1)[0][0]}." if motivos else ""
    return ValueError(
        f"{nombre} no contiene ningún par válido ({corpus.lineas_leidas} líneas "
        f"examinadas). Debe tener líneas «inglés<TAB>francés».{frecuente}"
    )


def leer_pares(
    ruta: str | Path,
    num_pares: int | None = None,
    estricto: bool = False,
    mostrar_resumen: bool = True,
) -> Corpus:
    """Lee un archivo de Tatoeba/manythings (2 o 3 columnas) en el orden del archivo.

    Se explica en 02_datos_y_vectorizacion.

    El archivo se lee por trozos (nunca entero en memoria). Las frases se normalizan a la
    forma NFC de Unicode: una «é» escrita como «e» + acento combinado (U+0301) queda como
    la «é» de un solo carácter, así que el vocabulario no tiene dos formas de la misma letra.

    Args:
        ruta: archivo de texto ``inglés<TAB>francés[<TAB>atribución]``, UTF-8 con o sin BOM
            (o UTF-16/UTF-32 con BOM, como el «Texto Unicode» de Excel), fin de línea LF,
            CRLF o CR. Un ``\\r`` suelto en un archivo con ``\\n`` se lee como salto de línea
            con un aviso (error con ``estricto=True``). Los caracteres invisibles que no son texto
            (espacio de anchura cero U+200B, U+FEFF fuera del principio, guion suave, marcas y
            controles de dirección *bidi*) se quitan de las frases con un aviso que nombra las
            líneas (error con ``estricto=True``); otro carácter de control hace la línea mal formada.
            Una carpeta, un dispositivo, una tubería (FIFO) o un archivo comprimido se rechazan.
        num_pares: si se indica, se detiene al reunir ese número de pares válidos
            (los primeros del archivo, como la receta clásica).
        estricto: si es ``True``, una línea mal formada lanza ``ValueError`` con su
            número; si es ``False``, se salta, se cuenta y se avisa.
        mostrar_resumen: imprime una línea con lo leído y, si hace falta, un aviso.
    """
    ruta = Path(ruta)
    if num_pares is not None and (not isinstance(num_pares, int) or isinstance(num_pares, bool) or num_pares < 1):
        raise ValueError(f"num_pares debe ser un entero positivo o None, no {num_pares!r}.")
    _rechazar_lo_que_no_es_un_archivo(ruta)
    if not ruta.is_file():
        raise FileNotFoundError(
            f"no existe el archivo de datos {ruta.name!r}. Comprueba la ruta o usa "
            f"obtener_ruta_corpus() para descargarlo o usar el corpus de datos/."
        )
    corpus = Corpus(ruta=ruta)
    try:
        with open(ruta, "rb") as archivo:
            no_utf8 = _leer_lineas(archivo, corpus, num_pares, estricto)
    except PermissionError as error:
        raise PermissionError(
            f"no hay permiso para leer {ruta.name!r}. Cambia sus permisos (chmod u+r) o cópialo a una carpeta tuya."
        ) from error
    except UnicodeDecodeError as error:  # solo UTF-16/UTF-32: cada línea UTF-8 se decodifica por separado
        raise ValueError(
            f"{ruta.name} está en {corpus.codificacion} pero no se puede decodificar ({error.reason}): el archivo "
            f"está dañado o cortado. Vuelve a exportarlo, o conviértelo a UTF-8 con "
            f"iconv -f {corpus.codificacion} -t utf-8 {ruta.name} > {ruta.stem}-utf8.txt y revisa el final."
        ) from error
    except MemoryError:
        pares = len(corpus)
        corpus.ingles, corpus.frances, corpus.atribuciones = [], [], []  # libera la memoria antes de avisar
        raise MemoryError(
            f"no hay memoria suficiente para leer {ruta.name} entero ({_tamano_legible(ruta.stat().st_size)} en "
            f"disco; se habían leído {pares} pares). Lee solo los primeros: leer_pares(ruta, num_pares=100_000) "
            f"(la configuración «curso» usa 10 000), o usa una máquina con más memoria."
        ) from None
    if not corpus.ingles:
        raise _error_sin_pares(corpus, no_utf8)
    if mostrar_resumen:
        print(corpus.resumen())
        _avisar_de_lo_saltado(corpus)
    return corpus


def _leer_lineas(archivo: BinaryIO, corpus: Corpus, num_pares: int | None, estricto: bool) -> tuple[int, bytes] | None:
    """Llena ``corpus`` línea a línea; devuelve la primera línea que no es UTF-8 (número y bytes), si la hay."""
    nombre, no_utf8, hay_lf = corpus.ruta.name, None, False
    inicio = archivo.read(4)
    archivo.seek(0)
    firma = next((descripcion for f, descripcion in _FIRMAS.items() if inicio.startswith(f)), None)
    if firma:
        raise ValueError(
            f"{nombre} es {firma}, no un archivo de texto: descomprímelo y lee el archivo de dentro (el de "
            f"Tatoeba se llama {MIEMBRO_ZIP}), o usa descargar_tatoeba(), que lo hace por ti."
        )
    corpus.codificacion, trozos = _trozos_utf8(archivo)
    for numero, (crudo, fin) in enumerate(_lineas(trozos, nombre), start=1):
        if num_pares is not None and len(corpus) >= num_pares:
            break
        corpus.lineas_leidas = numero
        if fin == b"\r":
            corpus.lineas_con_cr_suelto.append(numero)
        hay_lf = hay_lf or fin.endswith(b"\n")
        if estricto and hay_lf and corpus.lineas_con_cr_suelto:
            raise ValueError(
                f"{nombre}, línea {corpus.lineas_con_cr_suelto[0]}: termina en un \\r suelto y el archivo usa "
                f"saltos de línea \\n: ¿se unieron dos líneas al editarlo o al pegarlas? Cambia los \\r sueltos por "
                f"saltos de línea o lee con estricto=False para leerlos como saltos de línea con un aviso."
            )
        if not crudo.strip():
            corpus.lineas_en_blanco += 1
            continue
        resultado = _analizar_linea(crudo)
        if isinstance(resultado, str):
            if resultado == MOTIVO_NO_UTF8 and no_utf8 is None:
                no_utf8 = (numero, crudo)
            if not fin:  # sin salto final: la última línea puede estar cortada
                resultado += _CORTADA
            texto = crudo.decode("utf-8", errors="replace")
            if estricto:
                raise ValueError(
                    f"{nombre}, línea {numero}: {resultado}: {texto[:80]!r}. {_consejo(resultado, nombre)} "
                    f"O lee con estricto=False para saltarla con un aviso."
                )
            corpus.descartadas.append(LineaDescartada(numero, resultado, texto))
            continue
        if resultado[3]:
            if estricto:
                raise ValueError(
                    f"{nombre}, línea {numero}: una frase contiene un carácter invisible "
                    f"({_nombre_unicode(resultado[3][0])}) que no pertenece al texto (¿se copió de una web o de un "
                    f"documento?). Quítalo, o lee con estricto=False para quitarlos con un aviso."
                )
            corpus.lineas_con_invisibles.append(numero)
            corpus.invisibles.update(resultado[3])
        corpus.ingles.append(resultado[0])
        corpus.frances.append(resultado[1])
        corpus.atribuciones.append(resultado[2])
    if not hay_lf:
        corpus.lineas_con_cr_suelto.clear()  # un archivo solo con CR (Mac antiguo) es válido
    return no_utf8


def _avisar_de_lo_saltado(corpus: Corpus) -> None:
    """Avisos ⚠️ de las líneas mal formadas (con cómo convertir el archivo si no es UTF-8) y de los ``\\r`` sueltos."""
    nombre = corpus.ruta.name
    if corpus.descartadas:
        primeras = ", ".join(str(d.numero) for d in corpus.descartadas[:MAX_LINEAS_EN_AVISO])
        motivos = Counter(d.motivo for d in corpus.descartadas).most_common(1)[0][0]
        no_utf8 = sum(d.motivo.startswith(MOTIVO_NO_UTF8) for d in corpus.descartadas)
        conversion = ""
        if no_utf8:
            conversion = f" {_contar(no_utf8, 'no es', 'no son')} UTF-8 válido. {_consejo(MOTIVO_NO_UTF8, nombre)}"
        avisar(
            f"se saltaron {_contar(len(corpus.descartadas), 'línea mal formada', 'líneas mal formadas')} de {nombre} "
            f"(primeras: {primeras}; motivo más frecuente: {motivos}). "
            f"Están en corpus.descartadas.{conversion}"
        )
    if corpus.lineas_con_cr_suelto:
        n = len(corpus.lineas_con_cr_suelto)
        primeras = ", ".join(map(str, corpus.lineas_con_cr_suelto[:MAX_LINEAS_EN_AVISO]))
        avisar(
            f"{nombre} mezcla finales de línea: {_contar(n, 'línea termina', 'líneas terminan')} en un \\r suelto "
            f"(primeras: {primeras}), leído como salto de línea. Si no lo era, corrige el archivo; con "
            f"estricto=True es un error."
        )
    if corpus.lineas_con_invisibles:
        n = len(corpus.lineas_con_invisibles)
        primeras = ", ".join(map(str, corpus.lineas_con_invisibles[:MAX_LINEAS_EN_AVISO]))
        cuales = "; ".join(_nombre_unicode(c) for c, _ in corpus.invisibles.most_common(3))
        avisar(
            f"se quitaron caracteres invisibles ({cuales}) de las frases de {_contar(n, 'línea', 'líneas')} de "
            f"{nombre} (primeras: {primeras}): no son texto y el modelo los aprendería como letras. Con "
            f"estricto=True es un error."
        )


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
        _rechazar_lo_que_no_es_un_archivo(ruta, prefijo=f"{VARIABLE_CORPUS}: ")
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
        """Reconstruye el vocabulario guardado con ``a_diccionario``, comprobando que es coherente.

        Lanza ``ValueError`` («el vocabulario no es válido: …») si falta una clave, si los
        caracteres no son caracteres sueltos o se repiten, si faltan ``\\t`` o ``\\n`` en los
        objetivos o si una longitud no es un entero positivo: así nunca llega un ``KeyError``
        a la hora de traducir.
        """
        problema = _problema_del_vocabulario(datos)
        if problema:
            raise ValueError(f"el vocabulario no es válido: {problema}")
        return cls(
            input_characters=tuple(datos["input_characters"]),
            target_characters=tuple(datos["target_characters"]),
            max_encoder_seq_length=datos["max_encoder_seq_length"],
            max_decoder_seq_length=datos["max_decoder_seq_length"],
        )


def _problema_del_vocabulario(datos) -> str:
    """Qué tiene de incoherente un vocabulario en forma de diccionario, o ``""`` si nada."""
    if not isinstance(datos, dict):
        return f"se esperaba un diccionario, no {type(datos).__name__}"
    claves = ("input_characters", "target_characters", "max_encoder_seq_length", "max_decoder_seq_length")
    faltan = [clave for clave in claves if clave not in datos]
    if faltan:
        return f"falta la clave {faltan[0]!r}"
    for clave in claves[:2]:
        caracteres = datos[clave]
        if not isinstance(caracteres, (list, tuple)) or not caracteres or not all(
            isinstance(c, str) and len(c) == 1 for c in caracteres
        ):
            return f"{clave} debe ser una lista de caracteres sueltos"
        repetidos = sorted(c for c, n in Counter(caracteres).items() if n > 1)
        if repetidos:
            return f"{clave} repite {_nombrar_caracteres(repetidos)}"
    for token, nombre in ((INICIO, "de inicio"), (FIN, "de fin")):
        if token not in datos["target_characters"]:
            return f"target_characters no tiene el token {nombre} {token!r}"
    for clave, minimo in ((claves[2], 1), (claves[3], 2)):  # un objetivo tiene al menos \t y \n
        if type(datos[clave]) is not int or datos[clave] < minimo:
            return f"{clave} debe ser un entero mayor o igual que {minimo}, no {datos[clave]!r}"
    return ""


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


def _nombrar_caracteres(caracteres: Iterable[str]) -> str:
    """Los caracteres entre comillas, separados por comas; los invisibles (acentos combinados,
    espacios de ancho cero…) por su código y su nombre Unicode: ``U+0303 (COMBINING TILDE)``."""
    nombres = []
    for c in caracteres:
        invisible = unicodedata.category(c).startswith("M") or unicodedata.category(c) == "Cf"
        nombres.append(f"U+{ord(c):04X} ({unicodedata.name(c, 'sin nombre')})" if invisible else repr(c))
    return ", ".join(nombres)


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
        nombres = _nombrar_caracteres(extranos)
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
    Una frase más larga que ``max_encoder_seq_length`` lanza ``ValueError``. La frase se
    normaliza antes a la forma NFC de Unicode, como el corpus (ver ``leer_pares``).
    """
    if isinstance(frase, str):
        frase = unicodedata.normalize("NFC", frase)
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


def longitudes_sin_relleno(ids: np.ndarray, relleno: int = ID_RELLENO) -> np.ndarray:
    """Caracteres reales de cada fila de un arreglo de enteros (las posiciones distintas de ``relleno``).

    Se explica en 03_modelo_de_entrenamiento. Los modelos de palabras rellenan con 0 (cuaderno 08)."""
    return (np.asarray(ids) != relleno).sum(axis=-1)


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


def pares_utilizables(input_texts: Sequence[str], target_texts: Sequence[str], vocab: Vocabulario) -> tuple[list[int], Counter]:
    """Índices de los pares que ``vocab`` puede leer y escribir, y cuántos se saltan por cada motivo.

    Se explica en 05_modelos_de_inferencia. Sirve para usar un modelo ya entrenado (con su propio
    vocabulario) con frases de otro corpus: los objetivos llevan ya ``\\t`` y ``\\n``.
    """
    utiles, saltados = [], Counter()
    for i, (frase, objetivo) in enumerate(zip(input_texts, target_texts, strict=True)):
        motivo = motivo_intraducible(frase, vocab)
        if motivo is None and any(c not in vocab.target_token_index for c in objetivo):
            motivo = "caracteres franceses que el modelo no escribe"
        elif motivo is None and len(objetivo) > vocab.max_decoder_seq_length:
            motivo = f"traducción de más de {vocab.max_decoder_seq_length - 2} caracteres"
        if motivo:
            saltados[motivo] += 1
        else:
            utiles.append(i)
    return utiles, saltados
