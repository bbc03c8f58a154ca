"""Entradas incorrectas y fallos: una prueba (o un caso parametrizado) por fila de la tabla.

La tabla está en README.md, sección «Entradas incorrectas y fallos: qué hace el curso»;
cada fila nombra aquí su prueba. Donde una prueba de ``test_datos.py`` o ``test_modelos.py``
ya cubre una fila tal cual, la tabla la cita a ella y aquí no se repite.

Ninguna prueba usa la red: las descargas se simulan sustituyendo
``utils.datos.urllib.request.urlopen`` (y ``conftest.py`` bloquea los sockets).
"""

import errno
import http.client
import io
import json
import os
import re
import shutil
import stat
import urllib.error
import zipfile
from pathlib import Path

import keras
import numpy as np
import pytest

from utils import datos, decodificacion, modelos, paquetes
from utils.configuracion import obtener_configuracion
from utils.datos import ErrorDescarga, agregar_tokens, crear_vocabulario, frase_a_encoder_input, leer_pares
from utils.decodificacion import decodificar_lote, traducir

INPUT_TEXTS = ["Go.", "Hi.", "Run!", "Wow!", "Stop!", "Wait.", "Hello!", "I won.", "Go now.", "Be calm now."]
TARGET_TEXTS = [
    agregar_tokens(f)
    for f in [
        "Va\u202f!", "Salut.", "Cours\u202f!", "Ça alors\u202f!", "Arrête\u202f!", "Attends.", "Bonjour\u202f!",
        "J'ai gagné.", "Vas-y maintenant.", "Sois calme maintenant.",
    ]
]


# --- Un modelo diminuto entrenado una vez para todo el módulo ---------------------------------
@pytest.fixture(scope="module")
def entrenado():
    """(modelo, vocab, encoder_model, decoder_model) tras unos segundos de entrenamiento.

    Una sola época con los 10 pares repetidos 300 veces: los mismos 300 pasos que 300 épocas,
    sin el coste fijo de cada época. Las traducciones no tienen que ser buenas: las pruebas
    comparan ``traducir`` con ``decodificar_lote`` y el modelo cargado con el original.
    """
    keras.utils.set_random_seed(0)
    vocab = crear_vocabulario(INPUT_TEXTS, TARGET_TEXTS)
    arreglos = [np.repeat(a, 300, axis=0) for a in datos.vectorizar_one_hot(INPUT_TEXTS, TARGET_TEXTS, vocab)]
    modelo = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 32)
    modelo.compile(optimizer=keras.optimizers.Adam(0.02), loss="categorical_crossentropy")
    modelo.fit(arreglos[:2], arreglos[2], epochs=1, batch_size=10, verbose=0)
    return modelo, vocab, *modelos.construir_modelos_inferencia(modelo)


@pytest.fixture
def traducir_con(entrenado):
    """``traducir`` con el modelo diminuto ya puesto."""
    _, vocab, encoder_model, decoder_model = entrenado
    return lambda textos, **opciones: traducir(textos, encoder_model, decoder_model, vocab, **opciones)


def por_lote(frases, entrenado):
    """Lo que da ``decodificar_lote`` con las frases convertidas tal cual (la referencia)."""
    _, vocab, encoder_model, decoder_model = entrenado
    encoder_input_data = np.concatenate([frase_a_encoder_input(f, vocab) for f in frases])
    return decodificar_lote(encoder_input_data, encoder_model, decoder_model, vocab)


# === 1. Entrada de traducir() ===================================================================
def test_vocabulario_de_prueba_tiene_lo_que_suponen_las_pruebas(entrenado):
    _, vocab, _, _ = entrenado
    assert {"H", "e", "l", "o"} <= set(vocab.input_characters)
    assert not {"E", "L", "O", "é", "€"} & set(vocab.input_characters)
    assert vocab.max_encoder_seq_length == len("Be calm now.")


@pytest.mark.parametrize("texto", ["", "   ", " \t\n "], ids=["vacia", "solo_espacios", "solo_blancos"])
def test_traducir_texto_vacio(traducir_con, texto):
    with pytest.raises(ValueError, match="la frase está vacía o solo tiene espacios.*escribe una frase en inglés"):
        traducir_con(texto)


def test_traducir_none(traducir_con):
    with pytest.raises(TypeError, match=r"se esperaba un texto \(str\) o una lista de textos, pero se recibió None"):
        traducir_con(None)


@pytest.mark.parametrize(
    ("valor", "mensaje"),
    [
        (42, "se recibió int 42"),
        (3.5, "se recibió float 3.5"),
        (b"Hi.", r"se recibió bytes b'Hi.'\. Conviértelo antes con \.decode\('utf-8'\)"),
        ({"frase": "Hi."}, "se recibió dict"),
        ({"Hi.", "Run!"}, "se recibió set"),
    ],
    ids=["int", "float", "bytes", "dict", "set"],
)
def test_traducir_no_es_texto(traducir_con, valor, mensaje):
    with pytest.raises(TypeError, match=mensaje) as error:
        traducir_con(valor)
    assert "Ejemplo: traducir('Hi.', …)" in str(error.value)


def test_traducir_lista_con_frases_buenas_y_malas(traducir_con, capsys):
    with pytest.raises(ValueError) as error:
        traducir_con(["Hi.", None, "", "Go 😀", "Run!", 7])
    mensaje = str(error.value)
    assert mensaje.startswith("4 de las 6 frases no se pueden traducir; no se ha traducido ninguna.")
    for linea in ("frase 2 (textos[1]): se esperaba un texto (str)", "frase 3 (textos[2]): la frase está vacía",
                  "frase 4 (textos[3]): la frase 'Go 😀' contiene caracteres", "frase 6 (textos[5]): se esperaba"):
        assert linea in mensaje
    assert "frase 1 " not in mensaje and "frase 5 " not in mensaje
    assert capsys.readouterr().out == "", "no se traduce ni se avisa de nada si hay frases malas"
    with pytest.raises(TypeError, match=r"2 de las 2 frases(.|\n)*frase 1 \(textos\[0\]\)(.|\n)*frase 2"):
        traducir_con([1, b"x"])  # solo errores de tipo: TypeError
    with pytest.raises(ValueError, match="la lista de frases está vacía"):
        traducir_con([])


@pytest.mark.parametrize(
    ("texto", "nombrados"),
    [("Hi 😀", "'😀'"), ("Go 日本", "'日', '本'"), ("Go €5", "'5', '€'"), ("Hé!", "'é'")],
    ids=["emoji", "cjk", "euro", "acento"],
)
def test_traducir_caracteres_desconocidos(traducir_con, entrenado, texto, nombrados):
    _, vocab, _, _ = entrenado
    with pytest.raises(ValueError) as error:
        traducir_con(texto)
    mensaje = str(error.value)
    assert f"contiene caracteres que el modelo no conoce: {nombrados}." in mensaje
    assert "usa desconocidos='omitir'" in mensaje
    assert f"Caracteres válidos: {''.join(vocab.input_characters)!r}" in mensaje


def test_traducir_acentos_combinados_se_normalizan_a_nfc(capsys):
    # Un modelo sin entrenar basta: se compara la frase escrita de dos formas, no la calidad.
    keras.utils.set_random_seed(0)
    vocab = crear_vocabulario(["Café.", "Hi."], [agregar_tokens("Café !"), agregar_tokens("Salut.")])
    modelo = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 4)
    encoder_model, decoder_model = modelos.construir_modelos_inferencia(modelo)
    con_modelo = lambda textos, **opciones: traducir(textos, encoder_model, decoder_model, vocab, **opciones)  # noqa: E731
    nfd = "Cafe\u0301."  # e + U+0301 (acento agudo combinado), como escriben algunos teclados y macOS
    assert con_modelo(nfd) == con_modelo("Café.")
    assert con_modelo([nfd, "Hi."]) == con_modelo(["Café.", "Hi."])
    np.testing.assert_array_equal(frase_a_encoder_input(nfd, vocab), frase_a_encoder_input("Café.", vocab))
    assert capsys.readouterr().out == "", "normalizar no cambia el significado: no hay aviso"
    # Un acento combinado sin forma compuesta (H + tilde) se nombra de forma visible, no como '̃'.
    with pytest.raises(ValueError, match=r"no conoce: U\+0303 \(COMBINING TILDE\)\."):
        con_modelo("H\u0303i.")


def test_traducir_omitir_desconocidos(traducir_con, entrenado, capsys):
    assert traducir_con("Hi 😀", desconocidos="omitir") == por_lote(["Hi"], entrenado)[0]
    salida = capsys.readouterr().out
    assert salida.startswith("⚠️") and "se omiten de 'Hi 😀' caracteres que el modelo no conoce: '😀'" in salida
    assert "se traduce 'Hi'" in salida
    assert traducir_con(["Run!", "Go €"], desconocidos="omitir") == por_lote(["Run!", "Go"], entrenado)
    assert capsys.readouterr().out.count("⚠️") == 1, "un aviso por frase con desconocidos"
    with pytest.raises(ValueError, match="no tiene ningún carácter que el modelo conozca"):
        traducir_con("😀 日本", desconocidos="omitir")
    with pytest.raises(ValueError, match=r"desconocidos debe ser uno de \('error', 'omitir'\), no 'ignorar'"):
        traducir_con("Hi.", desconocidos="ignorar")


@pytest.mark.parametrize(
    ("texto", "desconocidos", "pista"),
    [("HELLO!", "'E', 'L', 'O'", "¿Quisiste decir 'Hello!'?"), ("hi.", "'h'", "¿Quisiste decir 'Hi.'?")],
    ids=["todo_mayusculas", "todo_minusculas"],
)
def test_traducir_mayusculas_que_el_vocabulario_no_tiene(traducir_con, capsys, texto, desconocidos, pista):
    with pytest.raises(ValueError, match=f"no conoce: {desconocidos}\\. {pista}"):
        traducir_con(texto)
    with pytest.raises(ValueError) as error:
        traducir_con("HELLO €")  # ni cambiando mayúsculas se conoce todo: sin pista
    assert "Quisiste" not in str(error.value)
    traducir_con(texto, desconocidos="omitir")  # al omitir, la pista va en el aviso
    assert pista in capsys.readouterr().out


@pytest.mark.parametrize("texto", ["Hi.\tRun!", "Hi.\nRun!", "Hi.\r\nRun!"], ids=["tabulador", "salto", "crlf"])
def test_traducir_tabulador_o_salto_dentro(traducir_con, texto):
    with pytest.raises(ValueError, match="tokens de inicio y fin del modelo") as error:
        traducir_con(texto)
    assert "Pasa una frase por elemento: traducir(['Hi.', 'Run!'], …)" in str(error.value)


def test_traducir_recorta_los_bordes_y_conserva_los_espacios_interiores(traducir_con, entrenado, monkeypatch):
    assert traducir_con("  Hi.\n") == traducir_con("Hi.") == por_lote(["Hi."], entrenado)[0]
    recibido = []

    def espia(encoder_input_data, *args):
        recibido.append(encoder_input_data)
        return decodificar_lote(encoder_input_data, *args)

    monkeypatch.setattr(decodificacion, "decodificar_lote", espia)
    traducir_con(" Go  now. ")
    np.testing.assert_array_equal(recibido[0], frase_a_encoder_input("Go  now.", entrenado[1]))


def test_traducir_demasiado_larga(traducir_con, entrenado):
    maximo = entrenado[1].max_encoder_seq_length
    with pytest.raises(ValueError) as error:
        traducir_con("Go now. " * 3)
    assert f"tiene 23 caracteres y el modelo admite como máximo {maximo}" in str(error.value)
    assert "Acórtala o pártela en frases más cortas" in str(error.value)
    assert traducir_con("Be calm now.") == por_lote(["Be calm now."], entrenado)[0], "justo el máximo sí vale"


def test_traducir_lista_valida(traducir_con, entrenado):
    frases = ["Hi.", "Run!", "Go now.", "I won."]
    esperado = por_lote(frases, entrenado)
    assert traducir_con(frases) == esperado and len(esperado) == 4
    assert traducir_con(tuple(frases)) == esperado
    assert traducir_con("Run!") == esperado[1]
    assert isinstance(traducir_con("Run!"), str) and isinstance(traducir_con(["Run!"]), list)


# === 2. Datos: leer_pares ===========================================================================
def escribir(tmp_path, contenido: bytes, nombre="fra.txt") -> Path:
    ruta = tmp_path / nombre
    ruta.write_bytes(contenido)
    return ruta


def test_corpus_archivo_inexistente(tmp_path):
    with pytest.raises(FileNotFoundError, match="no existe el archivo de datos 'no_esta.txt'.*obtener_ruta_corpus"):
        leer_pares(tmp_path / "no_esta.txt")


def test_corpus_ruta_que_no_es_un_archivo_de_texto(tmp_path, monkeypatch):
    (tmp_path / "anki").mkdir()
    (tmp_path / "anki" / "fra.txt").write_bytes(b"Go.\tVa !\n")
    with pytest.raises(IsADirectoryError, match=r"'anki' es una carpeta, no un archivo de datos\. Dentro hay: fra\.txt"):
        leer_pares(tmp_path / "anki")
    monkeypatch.setenv("SEQ2SEQ_CORPUS", str(tmp_path / "anki"))
    with pytest.raises(IsADirectoryError, match="SEQ2SEQ_CORPUS: 'anki' es una carpeta.*anki/fra.txt"):
        datos.obtener_ruta_corpus(obtener_configuracion("curso"))
    zip_anki = escribir(tmp_path, zip_en_memoria({"fra.txt": b"Go.\tVa !\n" * 100}), "fra-eng.zip")
    with pytest.raises(ValueError, match="fra-eng.zip es un archivo zip.*descomprímelo"):
        leer_pares(zip_anki)


def test_corpus_archivo_vacio(tmp_path):
    with pytest.raises(ValueError, match=r"vacio.txt no contiene ningún par válido \(0 líneas examinadas\)"):
        leer_pares(escribir(tmp_path, b"", "vacio.txt"))


@pytest.mark.parametrize(
    ("linea", "motivo"),
    [
        (b"sin tabulador", "no tiene tabulador entre inglés y francés"),
        (b"a\tb\tc\td", "tiene 4 columnas (se esperan 2 o 3)"),
        ("Café.\tCafé.".encode("latin-1"), "no es UTF-8 válido (¿el archivo está en latin-1?)"),
    ],
    ids=["sin_tabulador", "cuatro_columnas", "latin1"],
)
def test_corpus_linea_mal_formada(tmp_path, capsys, linea, motivo):
    ruta = escribir(tmp_path, b"Go.\tVa !\n" + linea + b"\nHi.\tSalut.\n")
    corpus = leer_pares(ruta)
    assert len(corpus) == 2 and corpus.lineas_leidas == 3
    assert [(d.numero, d.motivo) for d in corpus.descartadas] == [(2, motivo)]
    assert corpus.resumen() == "Leídos 2 pares de fra.txt (2 columnas; 3 líneas examinadas, 1 mal formada)."
    salida = capsys.readouterr().out
    assert "⚠️  se saltaron 1 línea mal formada de fra.txt (primeras: 2; motivo más frecuente: " + motivo in salida
    with pytest.raises(ValueError, match=re.escape(f"fra.txt, línea 2: {motivo}") + ".*estricto=False"):
        leer_pares(ruta, estricto=True)


def test_corpus_con_bom(tmp_path):
    corpus = leer_pares(escribir(tmp_path, "\ufeffGo.\tVa !\nHi.\tSalut.\n".encode()), estricto=True, mostrar_resumen=False)
    assert corpus.ingles == ["Go.", "Hi."] and corpus.descartadas == []
    assert "\ufeff" not in crear_vocabulario(corpus.ingles, [agregar_tokens(f) for f in corpus.frances]).input_characters


def test_corpus_con_crlf(tmp_path):
    contenido = "Go.\tVa !\tCC-BY a\r\nHi.\tSalut.\tCC-BY b\r\n".encode()
    corpus = leer_pares(escribir(tmp_path, contenido), estricto=True, mostrar_resumen=False)
    assert corpus.ingles == ["Go.", "Hi."] and corpus.frances == ["Va !", "Salut."]
    assert corpus.atribuciones == ["CC-BY a", "CC-BY b"]
    assert corpus.lineas_leidas == 2 and corpus.lineas_en_blanco == 0


CORTADA = " (es la última línea y el archivo no termina en salto de línea: ¿se cortó?)"


@pytest.mark.parametrize(
    ("final", "descartadas"),
    [
        (b"I won.\tJ'ai gagn\xc3\xa9.", []),  # sin salto de línea final: la última línea vale
        (b"I won.\tJ'ai gagn\xc3", [(3, "no es UTF-8 válido (¿el archivo está en latin-1?)" + CORTADA)]),  # carácter cortado
        (b"I wo", [(3, "no tiene tabulador entre inglés y francés" + CORTADA)]),  # cortada antes del tabulador
    ],
    ids=["sin_salto_final", "corte_en_caracter_multibyte", "corte_antes_del_tabulador"],
)
def test_corpus_ultima_linea_truncada(tmp_path, final, descartadas):
    corpus = leer_pares(escribir(tmp_path, b"Go.\tVa !\nHi.\tSalut.\n" + final), mostrar_resumen=False)
    assert corpus.ingles[:2] == ["Go.", "Hi."] and len(corpus) == 3 - len(descartadas)
    assert [(d.numero, d.motivo) for d in corpus.descartadas] == descartadas
    assert corpus.lineas_leidas == 3


def test_corpus_lineas_en_blanco(tmp_path):
    contenido = b"\n\nGo.\tVa !\n   \n\t\nHi.\tSalut.\nsin tab\n\n"
    corpus = leer_pares(escribir(tmp_path, contenido), mostrar_resumen=False)
    assert len(corpus) == 2 and corpus.lineas_en_blanco == 5
    assert [d.numero for d in corpus.descartadas] == [7], "los números de línea cuentan las líneas en blanco"
    assert "8 líneas examinadas, 5 en blanco, 1 mal formada" in corpus.resumen()
    with pytest.raises(ValueError, match="línea 7"):  # en modo estricto, las líneas en blanco no son error
        leer_pares(escribir(tmp_path, contenido), estricto=True)


def test_corpus_pares_repetidos(tmp_path):
    corpus = leer_pares(escribir(tmp_path, b"Go.\tVa !\nHi.\tSalut.\nGo.\tVa !\nGo.\tVa !\n"), mostrar_resumen=False)
    assert len(corpus) == 4 and corpus.pares_repetidos == 2 and corpus.descartadas == []
    assert corpus.resumen().endswith("4 líneas examinadas, 2 pares repetidos conservados).")


def test_corpus_retorno_de_carro_suelto(tmp_path, capsys):
    # Una línea editada en un Mac antiguo (o pegada) dentro de un archivo con fin de línea LF.
    ruta = escribir(tmp_path, "Go.\tVa !\nRun!\tCours !\rHi.\tSalut.\nWait.\tAttends.\n".encode())
    corpus = leer_pares(ruta)
    assert corpus.ingles == ["Go.", "Run!", "Hi.", "Wait."], "ningún par perdido"
    assert corpus.frances == ["Va !", "Cours !", "Salut.", "Attends."]
    assert not any("\r" in frase for frase in corpus.ingles + corpus.frances)
    assert corpus.lineas_con_cr_suelto == [2] and corpus.lineas_leidas == 4
    assert "4 líneas examinadas, 1 \\r suelto leído como salto de línea" in corpus.resumen()
    salida = capsys.readouterr().out
    assert "⚠️  fra.txt mezcla finales de línea: 1 línea termina en un \\r suelto (primeras: 2)" in salida
    with pytest.raises(ValueError, match=r"fra.txt, línea 2: termina en un \\r suelto.*estricto=False"):
        leer_pares(ruta, estricto=True)


@pytest.mark.parametrize(
    "contenido",
    [
        "Go.\tVa !\r\nHi.\tCafé.\r\n".encode("utf-16"),  # Excel, «Texto Unicode»: UTF-16 LE con BOM y CRLF
        b"\xfe\xff" + "Go.\tVa !\r\nHi.\tCafé.\r\n".encode("utf-16-be"),
        "Go.\tVa !\nHi.\tCafé.\n".encode("utf-32"),
    ],
    ids=["utf16_le", "utf16_be", "utf32"],
)
def test_corpus_utf16_con_bom(tmp_path, contenido):
    corpus = leer_pares(escribir(tmp_path, contenido), estricto=True, mostrar_resumen=False)
    assert corpus.ingles == ["Go.", "Hi."] and corpus.frances == ["Va !", "Café."]
    assert corpus.codificacion in ("UTF-16", "UTF-32") and corpus.codificacion in corpus.resumen()


def test_corpus_utf16_sin_bom_o_danado(tmp_path):
    with pytest.raises(ValueError, match=r"parece UTF-16 sin BOM.*iconv -f UTF-16LE -t utf-8 fra.txt > fra-utf8.txt"):
        leer_pares(escribir(tmp_path, "Go.\tVa !\r\nHi.\tSalut.\r\n".encode("utf-16-le")))
    with pytest.raises(ValueError, match="fra.txt está en UTF-16 pero no se puede decodificar.*iconv"):
        leer_pares(escribir(tmp_path, "Go.\tVa !\n".encode("utf-16") + b"\x00"))  # un byte suelto al final


@pytest.mark.parametrize(
    ("codificacion", "texto"),
    [("latin-1", "Café.\tCafé.\nÇa va ?\tÇa va ?\n"), ("cp1252", "I’m here.\tJe suis là.\nŒuf.\tŒuf.\n")],
    ids=["latin1", "windows1252"],
)
def test_corpus_archivo_entero_en_latin1(tmp_path, capsys, codificacion, texto):
    ruta = escribir(tmp_path, texto.encode(codificacion))
    with pytest.raises(ValueError) as error:
        leer_pares(ruta)
    mensaje = str(error.value)
    assert mensaje.startswith("fra.txt no está en UTF-8: 2 líneas con texto (de 2) no se pueden leer como UTF-8.")
    assert f"Leída como Windows-1252, la línea 1 sería {texto.splitlines()[0]!r}" in mensaje
    assert "iconv -f latin1 -t utf-8 fra.txt > fra-utf8.txt" in mensaje and "encoding='cp1252'" in mensaje
    assert "tabulador" not in mensaje and "inglés<TAB>francés" not in mensaje
    # Con algunas líneas solo ASCII el archivo se lee, pero el aviso dice cómo convertirlo.
    corpus = leer_pares(escribir(tmp_path, b"Go.\tVa !\n" + texto.encode(codificacion)))
    assert corpus.ingles == ["Go."]
    assert "2 no son UTF-8 válido. Si el archivo está en latin-1 o Windows-1252, conviértelo a UTF-8: en una terminal, iconv -f latin1" in capsys.readouterr().out


def test_corpus_acentos_combinados_se_normalizan_a_nfc(tmp_path):
    contenido = "Cafe\u0301.\tCafe\u0301 !\nHi.\tSalut.\n".encode()  # e + U+0301, como en macOS
    corpus = leer_pares(escribir(tmp_path, contenido), mostrar_resumen=False)
    assert corpus.ingles == ["Café.", "Hi."] and corpus.frances == ["Café !", "Salut."]
    vocab = crear_vocabulario(corpus.ingles, [agregar_tokens(f) for f in corpus.frances])
    assert "\u0301" not in vocab.input_characters + vocab.target_characters
    assert vocab.max_encoder_seq_length == len("Café.")


def test_corpus_grande_se_lee_por_trozos(tmp_path):
    import tracemalloc

    grande = escribir(tmp_path, b"Go.\tVa !\n" * 2_000_000)  # 18 MB
    tracemalloc.start()
    try:
        corpus = leer_pares(grande, num_pares=10, mostrar_resumen=False)
        pico = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(corpus) == 10 and pico < 8 * 1024**2, f"pico de {pico / 1024**2:.0f} MiB: se leyó el archivo entero"


def test_corpus_sin_memoria(tmp_path, monkeypatch):
    ruta = escribir(tmp_path, b"Go.\tVa !\n" * 1000)
    original, llamadas = datos._analizar_linea, []

    def sin_memoria(crudo):
        llamadas.append(crudo)
        if len(llamadas) > 3:
            raise MemoryError
        return original(crudo)

    monkeypatch.setattr(datos, "_analizar_linea", sin_memoria)
    with pytest.raises(MemoryError, match=r"no hay memoria suficiente para leer fra.txt entero \(9 kB.*3 pares.*num_pares="):
        leer_pares(ruta)


def test_corpus_linea_enorme_sin_saltos(tmp_path):
    # Una «línea» de más de 1 MiB sin salto de línea no es un par de frases (¿un binario?).
    with pytest.raises(ValueError, match="la línea 2 de sin_saltos.txt tiene más de 1 MiB sin un salto de línea"):
        leer_pares(escribir(tmp_path, b"Go.\tVa !\n" + b"x" * (2 * 1024**2), "sin_saltos.txt"))


# === 3. Descarga: descargar_tatoeba ================================================================
TEXTO_TATOEBA = "".join(f"Sentence {i}.\tPhrase {i * 7}\u202f!\n" for i in range(3000)).encode()


def zip_en_memoria(miembros: dict[str, bytes], compresion=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compresion) as archivo:
        for nombre, contenido in miembros.items():
            archivo.writestr(nombre, contenido)
    return buffer.getvalue()


def zip_con_bytes_cambiados(compresion) -> bytes:
    """Un zip válido con 8 bytes invertidos dentro de los datos comprimidos de fra.txt."""
    contenido = bytearray(zip_en_memoria({"fra.txt": TEXTO_TATOEBA}, compresion))
    inicio = 30 + len("fra.txt")  # cabecera local del primer miembro
    for i in range(inicio + 1000, inicio + 1008):
        contenido[i] ^= 0xFF
    return bytes(contenido)


class RespuestaFalsa(io.BytesIO):
    """Lo que devuelve ``urlopen``; con ``cortar_en`` lanza ``error`` tras ese número de bytes."""

    def __init__(self, contenido: bytes, cortar_en: int | None = None, error: BaseException | None = None):
        super().__init__(contenido)
        self.cortar_en, self.error = cortar_en, error

    def read(self, n=-1):
        if self.cortar_en is None:
            return super().read(n)
        if self.tell() >= self.cortar_en:
            raise self.error
        quedan = self.cortar_en - self.tell()
        return super().read(quedan if n is None or n < 0 else min(n, quedan))

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def lanza(error):
    def urlopen_falso(peticion, timeout):
        raise error

    return urlopen_falso


def responde(contenido: bytes, **corte):
    return lambda peticion, timeout: RespuestaFalsa(contenido, **corte)


def http_error(codigo, razon):
    return urllib.error.HTTPError(datos.URL_TATOEBA, codigo, razon, {}, None)


ZIP_BUENO = zip_en_memoria({"fra.txt": TEXTO_TATOEBA, "_about.txt": b"info"})
CORTE = {"cortar_en": 5000}  # bytes que llegan antes de que la transferencia falle
FALLOS_DE_DESCARGA = [
    pytest.param(
        lanza(urllib.error.URLError(OSError("Name or service not known"))), "no hay conexión con el servidor",
        id="sin_red",
    ),
    pytest.param(lanza(http_error(403, "Forbidden")), r"error HTTP 403 \(Forbidden\)", id="http_403"),
    pytest.param(lanza(http_error(404, "Not Found")), r"error HTTP 404 \(Not Found\)", id="http_404"),
    pytest.param(lanza(http_error(406, "Not Acceptable")), r"error HTTP 406 \(Not Acceptable\)", id="http_406"),
    pytest.param(lanza(TimeoutError("timed out")), "el servidor no respondió en 60 s", id="tiempo_agotado"),
    pytest.param(
        lanza(urllib.error.URLError(TimeoutError("timed out"))), r"no hay conexión .*timed out",
        id="tiempo_agotado_al_conectar",
    ),
    pytest.param(
        responde(zip_con_bytes_cambiados(zipfile.ZIP_STORED)),
        "el zip está dañado: 'fra.txt' no supera la comprobación CRC", id="zip_crc_incorrecto",
    ),
    pytest.param(
        responde(zip_con_bytes_cambiados(zipfile.ZIP_DEFLATED)), "el zip está dañado",
        id="zip_datos_comprimidos_danados",
    ),
    pytest.param(responde(ZIP_BUENO[: len(ZIP_BUENO) // 2]), "no es un archivo zip", id="zip_truncado"),
    pytest.param(responde(b"<html>Forbidden</html>"), "no es un archivo zip", id="pagina_html_en_vez_de_zip"),
    pytest.param(
        responde(zip_en_memoria({"otro.txt": TEXTO_TATOEBA})), r"el zip no contiene 'fra.txt' \(contiene: otro.txt\)",
        id="zip_sin_fra_txt",
    ),
    pytest.param(
        responde(ZIP_BUENO, **CORTE, error=ConnectionResetError(104, "Connection reset by peer")),
        "no se pudo guardar o leer la descarga", id="corte_conexion_reiniciada",
    ),
    pytest.param(
        responde(ZIP_BUENO, **CORTE, error=TimeoutError("timed out")), "no respondió", id="corte_tiempo_agotado",
    ),
    pytest.param(
        responde(ZIP_BUENO, **CORTE, error=http.client.IncompleteRead(b"x" * 5000, 20000)),
        "la transferencia se cortó a medias", id="corte_transferencia_incompleta",
    ),
]


def test_los_zip_de_prueba_son_lo_que_dicen():
    assert zipfile.is_zipfile(io.BytesIO(ZIP_BUENO)) and not zipfile.is_zipfile(io.BytesIO(ZIP_BUENO[: len(ZIP_BUENO) // 2]))
    with zipfile.ZipFile(io.BytesIO(zip_con_bytes_cambiados(zipfile.ZIP_STORED))) as archivo:
        assert archivo.testzip() == "fra.txt"
    assert len(ZIP_BUENO) > 5000, "el corte a mitad de transferencia ocurre de verdad a mitad"


@pytest.mark.parametrize(("urlopen_falso", "mensaje"), FALLOS_DE_DESCARGA)
def test_fallo_de_descarga(tmp_path, monkeypatch, capsys, urlopen_falso, mensaje):
    monkeypatch.setattr(datos.urllib.request, "urlopen", urlopen_falso)
    monkeypatch.setattr(datos, "TAMANO_MINIMO_TXT", 1000)
    # a) Caché vacía: error en español y ningún archivo parcial o roto.
    vacia = tmp_path / "vacia"
    with pytest.raises(ErrorDescarga, match=mensaje):
        datos.descargar_tatoeba(destino=vacia)
    assert list(vacia.iterdir()) == []
    # b) Caché buena y forzar=True: la descarga fallida no toca lo que ya había.
    buena = tmp_path / "buena"
    buena.mkdir()
    (buena / "fra.txt").write_bytes(TEXTO_TATOEBA)
    (buena / "fra-eng.zip").write_bytes(ZIP_BUENO)
    with pytest.raises(ErrorDescarga, match=mensaje):
        datos.descargar_tatoeba(destino=buena, forzar=True)
    assert sorted(p.name for p in buena.iterdir()) == ["fra-eng.zip", "fra.txt"]
    assert (buena / "fra.txt").read_bytes() == TEXTO_TATOEBA and (buena / "fra-eng.zip").read_bytes() == ZIP_BUENO
    # c) La configuración «curso» cae al corpus de datos/ con un aviso visible.
    capsys.readouterr()
    curso = obtener_configuracion("curso")
    ruta = datos.obtener_ruta_corpus(curso, descargar=lambda: datos.descargar_tatoeba(destino=vacia))
    assert ruta == datos.CORPUS_CURSO and list(vacia.iterdir()) == []
    salida = capsys.readouterr().out
    assert "⚠️  no se pudo obtener el archivo completo de Tatoeba" in salida and "datos/fra-eng-curso.txt" in salida


# === 4. Modelo guardado: guardar_modelo / cargar_modelo ====================================
@pytest.fixture
def paquete(entrenado, tmp_path) -> Path:
    modelo, vocab, _, _ = entrenado
    return paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "paquete")


def editar_metadatos(carpeta: Path, cambio, resellar: bool = False) -> None:
    """Edita metadatos.json como lo haría una persona a mano.

    Con ``resellar=True`` recalcula además la suma del vocabulario, como una herramienta que
    supiera hacerlo: así se prueban las comprobaciones que van detrás de la suma.
    """
    metadatos = json.loads((carpeta / "metadatos.json").read_text(encoding="utf-8"))
    cambio(metadatos)
    if resellar and "sumas_sha256" in metadatos:
        metadatos["sumas_sha256"]["vocabulario"] = paquetes._suma_vocabulario(metadatos["vocabulario"])
    (carpeta / "metadatos.json").write_text(json.dumps(metadatos), encoding="utf-8")


def test_paquete_carpeta_inexistente(tmp_path):
    with pytest.raises(FileNotFoundError, match="no existe la carpeta del modelo guardado 'no_existe'.*cuaderno 04"):
        paquetes.cargar_modelo(tmp_path / "no_existe")


@pytest.mark.parametrize("archivo", ["modelo.keras", "metadatos.json"], ids=["sin_modelo_keras", "sin_metadatos_json"])
def test_paquete_incompleto(paquete, archivo):
    (paquete / archivo).unlink()
    with pytest.raises(FileNotFoundError, match=f"falta {archivo} en el modelo guardado 'paquete'"):
        paquetes.cargar_modelo(paquete)


@pytest.mark.parametrize("archivo", ["metadatos.json", "modelo.keras"])
def test_paquete_sin_permiso_de_lectura(paquete, monkeypatch, archivo):
    # Como root, chmod no impide leer: se simula el PermissionError que vería un usuario normal.
    abrir = Path.open

    def open_sin_permiso(ruta, *args, **kwargs):
        if Path(ruta).name == archivo:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(ruta))
        return abrir(Path(ruta), *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_sin_permiso)
    monkeypatch.setattr(paquetes, "open", open_sin_permiso, raising=False)
    with pytest.raises(PermissionError, match=f"no se pudo leer {archivo} del modelo guardado 'paquete': no hay permiso"):
        paquetes.cargar_modelo(paquete)


@pytest.mark.parametrize(
    "contenido",
    [b"{roto", b"", b"[]", b"{}", b'{"version_paquete": 1, "vocabulario": {"input_characters": 5}}', b"\xff\xfe{"],
    ids=["json_roto", "vacio", "lista", "sin_claves", "vocabulario_con_tipos_malos", "no_utf8"],
)
def test_paquete_metadatos_danados(paquete, contenido):
    (paquete / "metadatos.json").write_bytes(contenido)
    with pytest.raises(ValueError, match="metadatos.json de 'paquete' está dañado.*Vuelve a guardar el modelo"):
        paquetes.cargar_modelo(paquete)


@pytest.mark.parametrize("recorte", [0, 100, -200], ids=["vacio", "primeros_100_bytes", "sin_los_ultimos_200_bytes"])
def test_paquete_modelo_keras_truncado(paquete, recorte):
    contenido = (paquete / "modelo.keras").read_bytes()
    (paquete / "modelo.keras").write_bytes(contenido[:recorte])
    with pytest.raises(ValueError, match="no se pudo cargar modelo.keras de 'paquete'"):
        paquetes.cargar_modelo(paquete)


def test_paquete_vocabulario_no_corresponde(paquete):
    editar_metadatos(paquete, lambda m: m["vocabulario"]["input_characters"].pop(), resellar=True)
    with pytest.raises(ValueError, match="el vocabulario de 'paquete' no corresponden.*Vuelve a guardar ambos juntos"):
        paquetes.cargar_modelo(paquete)


def intercambiar_dos_caracteres(metadatos):
    caracteres = metadatos["vocabulario"]["input_characters"]
    caracteres[0], caracteres[1] = caracteres[1], caracteres[0]


@pytest.mark.parametrize(
    "cambio",
    [
        pytest.param(intercambiar_dos_caracteres, id="vocabulario_reordenado"),
        pytest.param(lambda m: m["vocabulario"].update(max_encoder_seq_length=20), id="otro_max_encoder_seq_length"),
        pytest.param(lambda m: m["vocabulario"]["target_characters"].remove("\t"), id="sin_tabulador"),
    ],
)
def test_paquete_metadatos_editados_a_mano(paquete, cambio):
    editar_metadatos(paquete, cambio)
    rechaza_con_pista(paquete, "metadatos.json de 'paquete': el vocabulario no coincide con su suma sha256")


def rechaza_con_pista(paquete: Path, texto: str) -> None:
    """``cargar_modelo`` lanza un ``ValueError`` que contiene ``texto`` y dice qué hacer."""
    with pytest.raises(ValueError) as error:
        paquetes.cargar_modelo(paquete)
    assert texto in str(error.value) and paquetes.PISTA_REENTRENAR in str(error.value)


def test_paquete_modelo_keras_cambiado(paquete, entrenado, tmp_path):
    # Un modelo.keras válido y del mismo tamaño, pero no el que se guardó con este vocabulario.
    _, vocab, _, _ = entrenado
    keras.utils.set_random_seed(1)
    otro = modelos.construir_modelo_entrenamiento(vocab.num_encoder_tokens, vocab.num_decoder_tokens, 32)
    otro_paquete = paquetes.guardar_modelo(otro, vocab, obtener_configuracion("prueba"), tmp_path / "otro")
    (paquete / "modelo.keras").write_bytes((otro_paquete / "modelo.keras").read_bytes())
    rechaza_con_pista(paquete, "no se pudo cargar modelo.keras de 'paquete': no coincide con la suma sha256 guardada")


def poner_en(clave, posicion, valor):
    def cambio(metadatos):
        metadatos["vocabulario"][clave][posicion] = valor

    return cambio


@pytest.mark.parametrize(
    ("cambio", "problema"),
    [
        (poner_en("target_characters", 0, "Z"), "target_characters no tiene el token de inicio '\\t'"),
        (poner_en("target_characters", 1, "Z"), "target_characters no tiene el token de fin '\\n'"),
        (poner_en("input_characters", 1, "."), "input_characters repite '.'"),
        (poner_en("input_characters", 0, "ab"), "input_characters debe ser una lista de caracteres sueltos"),
        (lambda m: m["vocabulario"].update(max_encoder_seq_length=0), "max_encoder_seq_length debe ser un entero mayor o igual que 1"),
        (lambda m: m["vocabulario"].update(max_decoder_seq_length="20"), "max_decoder_seq_length debe ser un entero"),
        (lambda m: m["vocabulario"].pop("target_characters"), "falta la clave 'target_characters'"),
    ],
    ids=["sin_inicio", "sin_fin", "repetido", "no_es_un_caracter", "longitud_0", "longitud_texto", "sin_clave"],
)
def test_paquete_vocabulario_incoherente(paquete, cambio, problema):
    # Editado y con la suma recalculada: pasa la comprobación de la suma, no la de coherencia.
    editar_metadatos(paquete, cambio, resellar=True)
    with pytest.raises(ValueError) as error:
        paquetes.cargar_modelo(paquete)
    assert "metadatos.json de 'paquete' está dañado (el vocabulario no es válido: " + problema in str(error.value)


def test_paquete_de_otra_version_mayor_de_keras(paquete):
    metadatos = json.loads((paquete / "metadatos.json").read_text(encoding="utf-8"))
    metadatos["keras"] = "2.15.0"
    (paquete / "metadatos.json").write_text(json.dumps(metadatos), encoding="utf-8")
    with pytest.raises(ValueError, match="se guardó con Keras 2.15.0 y aquí hay Keras 3"):
        paquetes.cargar_modelo(paquete)


def test_paquete_otra_version(paquete):
    editar_metadatos(paquete, lambda m: m.update(version_paquete=paquetes.VERSION_PAQUETE + 1))
    version = paquetes.VERSION_PAQUETE
    with pytest.raises(ValueError, match=f"se guardó con el formato {version + 1} y este curso usa el {version}"):
        paquetes.cargar_modelo(paquete)


def test_paquete_se_carga_con_safe_mode(paquete, entrenado, tmp_path):
    cargado, _, _ = paquetes.cargar_modelo(paquete)
    assert not any(isinstance(capa, keras.layers.Lambda) for capa in cargado.layers)
    keras.saving.load_model(paquete / "modelo.keras", safe_mode=True)  # no lanza
    # Y safe_mode está de verdad activado: un modelo con una Lambda de Python se rechaza.
    _, vocab, _, _ = entrenado
    entradas = [
        keras.Input((None, vocab.num_encoder_tokens), name="encoder_inputs"),
        keras.Input((None, vocab.num_decoder_tokens), name="decoder_inputs"),
    ]
    doble = keras.layers.Lambda(lambda x: x * 1.0)(entradas[1])
    con_lambda = keras.Model(entradas, keras.layers.Dense(vocab.num_decoder_tokens, name="decoder_dense")(doble))
    paquetes.guardar_modelo(con_lambda, vocab, obtener_configuracion("prueba"), tmp_path / "con_lambda")
    with pytest.raises(ValueError, match="no se pudo cargar modelo.keras de 'con_lambda'"):
        paquetes.cargar_modelo(tmp_path / "con_lambda")


def test_paquete_guardado_y_cargado_traduce_igual(paquete, traducir_con):
    cargado, vocab, _ = paquetes.cargar_modelo(paquete)
    frases = ["Hi.", "Run!", "Be calm now.", "Wait."]
    assert traducir(frases, *modelos.construir_modelos_inferencia(cargado), vocab) == traducir_con(frases)


def interrumpir_model_save(monkeypatch):
    def save_a_medias(self, ruta, *args, **kwargs):
        Path(ruta).write_bytes(b"PK\x03\x04 a medias")
        raise KeyboardInterrupt  # el usuario pulsa «detener» en el cuaderno

    monkeypatch.setattr(keras.Model, "save", save_a_medias)
    return KeyboardInterrupt


def interrumpir_metadatos(monkeypatch):
    def sin_espacio(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(paquetes.json, "dumps", sin_espacio)
    return OSError


def interrumpir_al_reemplazar(monkeypatch):
    original, llamadas = os.replace, []

    def replace_bloqueado(origen, destino, *args, **kwargs):
        if Path(destino).name == "paquete" and not llamadas:  # la primera vez que se pone algo en su lugar
            llamadas.append(origen)
            raise PermissionError(13, "carpeta en uso por otro programa")
        return original(origen, destino, *args, **kwargs)

    monkeypatch.setattr(paquetes.os, "replace", replace_bloqueado)
    return PermissionError


@pytest.mark.parametrize(
    "interrumpir",
    [
        pytest.param(interrumpir_model_save, id="durante_model_save"),
        pytest.param(interrumpir_metadatos, id="al_escribir_metadatos"),
        pytest.param(interrumpir_al_reemplazar, id="al_reemplazar_la_carpeta"),
    ],
)
def test_paquete_guardado_interrumpido(paquete, entrenado, tmp_path, monkeypatch, interrumpir):
    modelo, vocab, _, _ = entrenado
    antes = {p.name: p.read_bytes() for p in paquete.iterdir()}
    with monkeypatch.context() as parche:
        excepcion = interrumpir(parche)
        with pytest.raises(excepcion) as error:
            paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), paquete)
    if excepcion is not KeyboardInterrupt:  # un fallo del disco o de permisos se explica en español
        assert str(error.value).startswith("no se pudo guardar el modelo en 'paquete': ")
        assert "El paquete anterior sigue intacto." in str(error.value)
    assert [p.name for p in tmp_path.iterdir()] == ["paquete"], "no quedan carpetas temporales"
    assert {p.name: p.read_bytes() for p in paquete.iterdir()} == antes, "el paquete anterior sigue intacto"
    paquetes.cargar_modelo(paquete)


@pytest.fixture
def como_usuario_normal(monkeypatch):
    """Los permisos de las carpetas como los ve un usuario normal, aunque las pruebas corran como root.

    root se salta el bit de escritura: tras ``chmod 555`` sigue pudiendo crear, borrar y
    renombrar. Aquí, solo si se es root, crear, borrar o renombrar algo exige que la carpeta
    que lo contiene tenga el bit de escritura del dueño, y ``os.access(…, W_OK)`` lo mira, como
    haría el sistema con un usuario normal. Sin ser root no cambia nada: valen los permisos reales.
    """
    if os.geteuid() != 0:
        return

    def exigir_escritura(ruta, dir_fd=None):
        try:
            modo = os.fstat(dir_fd).st_mode if dir_fd is not None else os.stat(Path(ruta).parent).st_mode
        except OSError:
            return  # que la operación de verdad dé su propio error
        if not modo & stat.S_IWUSR:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(ruta))

    def envolver(nombre):
        original = getattr(os, nombre)

        def con_permisos(ruta, *args, dir_fd=None, **kwargs):
            exigir_escritura(ruta, dir_fd)
            return original(ruta, *args, dir_fd=dir_fd, **kwargs)

        monkeypatch.setattr(os, nombre, con_permisos)

    for nombre in ("mkdir", "rmdir", "unlink", "remove"):
        envolver(nombre)
    for nombre in ("replace", "rename"):
        original_renombrar = getattr(os, nombre)

        def renombrar(origen, destino, *args, _original=original_renombrar, **kwargs):
            exigir_escritura(origen)
            exigir_escritura(destino)
            return _original(origen, destino, *args, **kwargs)

        monkeypatch.setattr(os, nombre, renombrar)
    original_access = os.access

    def access(ruta, modo, *args, **kwargs):
        if modo & os.W_OK and os.path.exists(ruta) and not os.stat(ruta).st_mode & stat.S_IWUSR:
            return False
        return original_access(ruta, modo, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_como_usuario_normal_impide_escribir_en_una_carpeta_de_solo_lectura(tmp_path, como_usuario_normal):
    (tmp_path / "solo_lectura").mkdir()
    (tmp_path / "solo_lectura" / "dentro").write_bytes(b"x")
    os.chmod(tmp_path / "solo_lectura", 0o555)
    try:
        with pytest.raises(PermissionError):
            (tmp_path / "solo_lectura" / "nueva").mkdir()
        with pytest.raises(PermissionError):
            (tmp_path / "solo_lectura" / "dentro").unlink()
        assert not os.access(tmp_path / "solo_lectura", os.W_OK)
    finally:
        os.chmod(tmp_path / "solo_lectura", 0o755)


def proteger_contra_cambios(monkeypatch, carpeta: Path):
    """Como ``chattr +i``: la carpeta no se puede renombrar ni cambiar (EPERM, también para root)."""
    original = os.replace

    def replace(origen, destino, *args, **kwargs):
        if Path(origen) == carpeta:
            raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(origen))
        return original(origen, destino, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize(
    ("situacion", "lugar"),
    [
        ("carpeta_padre_de_solo_lectura", "no hay permiso para escribir en la carpeta 'padre'"),
        ("carpeta_del_paquete_de_solo_lectura", "no hay permiso para escribir en la carpeta 'paquete'"),
        ("carpeta_protegida_contra_cambios", "no se permite cambiar la carpeta 'paquete' (¿está protegida"),
    ],
)
def test_paquete_guardar_sin_permiso(entrenado, tmp_path, monkeypatch, como_usuario_normal, situacion, lugar):
    modelo, vocab, _, _ = entrenado
    config = obtener_configuracion("prueba")
    carpeta = paquetes.guardar_modelo(modelo, vocab, config, tmp_path / "padre" / "paquete")
    antes = {p.name: p.read_bytes() for p in carpeta.iterdir()}
    bloqueada = {"carpeta_padre_de_solo_lectura": carpeta.parent, "carpeta_del_paquete_de_solo_lectura": carpeta}
    try:
        if situacion in bloqueada:
            os.chmod(bloqueada[situacion], 0o555)
        else:
            proteger_contra_cambios(monkeypatch, carpeta)
        with pytest.raises(PermissionError) as error:
            paquetes.guardar_modelo(modelo, vocab, config, carpeta)
    finally:
        for ruta in (carpeta.parent, carpeta):
            os.chmod(ruta, 0o755)
    mensaje = str(error.value)
    assert mensaje.startswith(f"no se pudo guardar el modelo en 'paquete': {lugar}")
    assert "El paquete anterior sigue intacto." in mensaje and "chmod u+w" in mensaje
    monkeypatch.undo()
    assert [p.name for p in carpeta.parent.iterdir()] == ["paquete"], "no queda nada oculto al lado"
    assert {p.name: p.read_bytes() for p in carpeta.iterdir()} == antes
    paquetes.cargar_modelo(carpeta)
    paquetes.guardar_modelo(modelo, vocab, config, carpeta)  # con permiso, se guarda a la primera
    assert [p.name for p in carpeta.parent.iterdir()] == ["paquete"]


def test_paquete_restos_de_un_guardado_interrumpido(paquete, entrenado, tmp_path, monkeypatch, como_usuario_normal):
    # Lo que dejaban antes un guardado en una carpeta de solo lectura (.paquete.anterior, sin
    # permiso de escritura) y guardados matados a mitad de model.save (.paquete.xxxxxxxx, el
    # nombre de versiones anteriores, y .paquete.temporal-xxxxxxxx, el de ahora).
    modelo, vocab, _, _ = entrenado
    anterior = tmp_path / ".paquete.anterior"
    for resto in (anterior, tmp_path / ".paquete.k2j4h5g6", tmp_path / ".paquete.temporal-a1b2c3d4"):
        resto.mkdir()
        (resto / "modelo.keras").write_bytes(b"PK\x03\x04 a medias")
    os.chmod(anterior, 0o555)
    shutil.copytree(paquete, tmp_path / ".paquete.respaldo")  # una copia completa de la persona: no se toca
    nuevo = obtener_configuracion("prueba")
    try:
        paquetes.guardar_modelo(modelo, vocab, nuevo, paquete)
    finally:
        if anterior.exists():
            os.chmod(anterior, 0o755)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".paquete.respaldo", "paquete"], "limpia los restos"
    paquetes.cargar_modelo(paquete)
    # Un resto que ni así se puede borrar (protegido, de otro usuario): error en español antes de tocar nada.
    anterior.mkdir()

    def no_se_puede(ruta, *args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(ruta))

    monkeypatch.setattr(os, "chmod", no_se_puede)
    monkeypatch.setattr(shutil, "rmtree", no_se_puede)
    with pytest.raises(PermissionError, match=r"'\.paquete\.anterior', que dejó un guardado interrumpido.*bórrala a mano"):
        paquetes.guardar_modelo(modelo, vocab, nuevo, paquete)
    monkeypatch.undo()
    paquetes.cargar_modelo(paquete)


def test_paquete_proceso_muerto_entre_los_dos_renombrados(paquete, entrenado, tmp_path, capsys):
    # El proceso murió tras apartar el paquete (1.er renombrado) y antes de poner el nuevo (2.º):
    # queda el anterior, completo, en .paquete.anterior, y el nuevo en su carpeta temporal.
    modelo, vocab, _, _ = entrenado
    antes = {p.name: p.read_bytes() for p in paquete.iterdir()}
    shutil.copytree(paquete, tmp_path / ".paquete.temporal-q8w7e6r5")
    os.replace(paquete, tmp_path / ".paquete.anterior")
    capsys.readouterr()
    cargado, _, _ = paquetes.cargar_modelo(paquete)
    assert "⚠️  el guardado de 'paquete' se interrumpió entre sus dos renombrados" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in paquete.iterdir()} == antes and cargado is not None
    assert not (tmp_path / ".paquete.anterior").exists()
    # El mismo estado al guardar: se recupera primero el anterior y se limpia todo.
    os.replace(paquete, tmp_path / ".paquete.anterior")
    paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), paquete)
    assert [p.name for p in tmp_path.iterdir()] == ["paquete"]
    paquetes.cargar_modelo(paquete)


# === 5. Determinismo ============================================================================
def test_etapa_de_datos_determinista(capsys):
    config = obtener_configuracion("prueba")
    a, b = datos.preparar_datos(config), datos.preparar_datos(config)
    assert a.vocab == b.vocab and a.input_texts == b.input_texts and a.target_texts == b.target_texts
    for x, y in zip(
        (a.encoder_input_data, a.decoder_input_data, a.decoder_target_data),
        (b.encoder_input_data, b.decoder_input_data, b.decoder_target_data),
    ):
        np.testing.assert_array_equal(x, y)
    ids_a = datos.vectorizar_ids(a.input_texts, a.target_texts, a.vocab)
    for x, y in zip(ids_a, datos.vectorizar_ids(b.input_texts, b.target_texts, b.vocab)):
        np.testing.assert_array_equal(x, y)
    for x, y in zip(modelos.indices_de_validacion(a.input_texts, config.fraccion_validacion, config.semilla),
                    modelos.indices_de_validacion(b.input_texts, config.fraccion_validacion, config.semilla)):
        np.testing.assert_array_equal(x, y)


def test_pesos_iniciales_deterministas_con_semilla():
    pesos = []
    for _ in range(2):
        keras.utils.set_random_seed(42)
        pesos.append(modelos.construir_modelo_entrenamiento(5, 7, 8).get_weights())
    for x, y in zip(*pesos):
        np.testing.assert_array_equal(x, y)


# === 6. Ronda 3 (issue 25): rutas que no son lo que parecen, paquetes con forma mala, mensajes largos ===
def test_paquete_no_reemplaza_lo_que_no_es_un_paquete(entrenado, tmp_path):
    modelo, vocab, _, _ = entrenado
    config = obtener_configuracion("prueba")
    notas = tmp_path / "notas"
    notas.write_text("hola\n")
    with pytest.raises(FileExistsError, match="'notas': ya existe y es un archivo, no un paquete del curso, y no se toca"):
        paquetes.guardar_modelo(modelo, vocab, config, notas)
    carpeta = tmp_path / "mis_cosas"
    carpeta.mkdir()
    (carpeta / "tesis.txt").write_text("¡no me borres!")
    with pytest.raises(FileExistsError, match=r"la carpeta ya existe y no es un paquete del curso \(tiene tesis.txt\)"):
        paquetes.guardar_modelo(modelo, vocab, config, carpeta)
    with pytest.raises(NotADirectoryError, match="'notas' es un archivo, no una carpeta"):
        paquetes.guardar_modelo(modelo, vocab, config, notas / "paquete")
    with pytest.raises(ValueError, match="es demasiado largo"):
        paquetes.guardar_modelo(modelo, vocab, config, tmp_path / ("m" * 240))
    with pytest.raises(TypeError, match="carpeta debe ser una ruta"):
        paquetes.guardar_modelo(modelo, vocab, config, 42)
    with pytest.raises(TypeError, match="vocab debe ser un Vocabulario"):
        paquetes.guardar_modelo(modelo, {"a": 1}, config, tmp_path / "p")
    # Nada se movió ni quedó oculto al lado: el archivo y la carpeta de la persona siguen tal cual.
    assert notas.read_text() == "hola\n" and (carpeta / "tesis.txt").read_text() == "¡no me borres!"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mis_cosas", "notas"]
    # Un paquete del curso sí se reemplaza.
    paquetes.guardar_modelo(modelo, vocab, config, tmp_path / "paquete")
    paquetes.guardar_modelo(modelo, vocab, config, tmp_path / "paquete")


def test_paquete_dos_procesos_guardan_a_la_vez(entrenado, tmp_path):
    # Dos guardados en la misma carpeta a la vez se turnan (bloqueo de la carpeta): ninguno falla.
    import threading

    modelo, vocab, _, _ = entrenado
    config = obtener_configuracion("prueba")
    errores = []

    def guardar():
        try:
            paquetes.guardar_modelo(modelo, vocab, config, tmp_path / "paquete")
        except Exception as error:  # noqa: BLE001
            errores.append(error)

    hilos = [threading.Thread(target=guardar) for _ in range(3)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    assert errores == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paquete"]
    paquetes.cargar_modelo(tmp_path / "paquete")


@pytest.mark.parametrize("codigo, causa", [
    (errno.ENOTEMPTY, "otro guardado en la misma carpeta terminó a la vez"),
    (errno.ENAMETOOLONG, "es demasiado largo para el sistema de archivos"),
])
def test_paquete_fallos_que_no_son_del_disco(paquete, codigo, causa):
    error = paquetes._error_al_guardar(OSError(codigo, os.strerror(codigo)), paquete)
    assert causa in str(error) and "falló el disco" not in str(error)


@pytest.mark.parametrize("cambio, mensaje", [
    (lambda m: m.update(configuracion={}), "la configuración o los demás datos no coinciden con su suma"),
    (lambda m: m["configuracion"].update(latent_dim=8), "la configuración o los demás datos no coinciden con su suma"),
])
def test_paquete_configuracion_cubierta_por_la_suma(paquete, cambio, mensaje):
    editar_metadatos(paquete, cambio)
    with pytest.raises(ValueError, match=mensaje):
        paquetes.cargar_modelo(paquete)


@pytest.mark.parametrize("configuracion, problema", [
    ({}, "no tiene 'latent_dim'"),
    ({"latent_dim": "32"}, "no tiene 'latent_dim'"),
    ({"latent_dim": 32, "batch_size": "64"}, "'batch_size' debería ser int"),
])
def test_paquete_configuracion_de_forma_mala(paquete, configuracion, problema):
    # Aunque alguien recalcule la suma, la forma se comprueba: nunca un KeyError al usarla.
    def cambio(m):
        m["configuracion"] = configuracion
        m["sumas_sha256"]["metadatos"] = paquetes._suma_del_resto(m)

    editar_metadatos(paquete, cambio)
    with pytest.raises(ValueError, match=f"metadatos.json de 'paquete' está dañado.*{re.escape(problema)}"):
        paquetes.cargar_modelo(paquete)


def test_paquete_archivos_de_mas_con_suma(entrenado, tmp_path):
    modelo, vocab, _, _ = entrenado
    carpeta = paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "paquete",
                                     archivos={"entrenamiento.json": b'{"a": 1}'})
    paquetes.cargar_modelo(carpeta)
    (carpeta / "entrenamiento.json").write_text("{}")
    with pytest.raises(ValueError, match="entrenamiento.json de 'paquete' no coincide con la suma sha256"):
        paquetes.cargar_modelo(carpeta)
    (carpeta / "entrenamiento.json").unlink()
    with pytest.raises(FileNotFoundError, match="falta entrenamiento.json"):
        paquetes.cargar_modelo(carpeta)
    with pytest.raises(ValueError, match="no es un nombre válido"):
        paquetes.guardar_modelo(modelo, vocab, obtener_configuracion("prueba"), tmp_path / "otro", archivos={"../x": b""})


@pytest.mark.parametrize("entrenamiento, problema", [
    ({}, "le faltan claves"),
    ([], "debería ser un objeto JSON"),
])
def test_preentrenado_entrenamiento_json_de_forma_mala(entrenamiento, problema):
    with pytest.raises(ValueError, match=problema):
        modelos.comprobar_entrenamiento(entrenamiento)


def test_el_preentrenado_tiene_sumas_de_todos_sus_archivos():
    metadatos = json.loads((modelos.DIR_PREENTRENADO / "metadatos.json").read_text(encoding="utf-8"))
    assert {"modelo.keras", "vocabulario", "metadatos", "entrenamiento.json", "frases_vistas.npy"} <= set(metadatos["sumas_sha256"])


def test_paquete_clase_desconocida_en_espanol(paquete, monkeypatch):
    def falla(*_, **__):
        raise TypeError("Could not locate class 'CapaMia'. Make sure custom classes are decorated with "
                        "`@keras.saving.register_keras_serializable()`. Full object config: {...}")

    monkeypatch.setattr(keras.saving, "load_model", falla)
    with pytest.raises(ValueError, match="usa la clase o función 'CapaMia', que no está registrada aquí") as info:
        paquetes.cargar_modelo(paquete)
    assert "Importa antes el módulo que la define" in str(info.value)


def test_corpus_linea_de_algo_mas_de_1_mib(tmp_path):
    # Con su salto de línea al final también se rechaza (antes solo sin salto).
    linea = b"x" * (1024**2 + 10) + b"\tVa !\n"
    with pytest.raises(ValueError, match="la línea 2 de largo.txt tiene más de 1 MiB"):
        leer_pares(escribir(tmp_path, b"Go.\tVa !\n" + linea + b"Hi.\tSalut.\n", "largo.txt"))


def test_corpus_frase_mucho_mas_larga_que_las_demas(tmp_path, capsys):
    contenido = b"".join(b"Go.\tVa !\n" for _ in range(999)) + b"Hi " + b"a" * 1_000_000 + b".\tSalut.\n"
    ruta = escribir(tmp_path, contenido)
    corpus = leer_pares(ruta)
    assert len(corpus) == 999 and max(map(len, corpus.ingles)) == 3
    assert corpus.descartadas[0].numero == 1000
    assert "primeras: 1000" in capsys.readouterr().out
    with pytest.raises(ValueError, match=r"fra.txt, línea 1000: una frase tiene más de 1000 caracteres \(1000004"):
        leer_pares(ruta, estricto=True)


def test_traducir_muchas_frases_malas_da_un_mensaje_corto(traducir_con):
    with pytest.raises(ValueError) as info:
        traducir_con(["Hi 😀"] * 10_000)
    mensaje = str(info.value)
    assert mensaje.startswith("10000 de las 10000 frases no se pueden traducir")
    assert "frase 10 (textos[9])" in mensaje and "frase 11 " not in mensaje
    assert "… y 9990 frases más" in mensaje and len(mensaje) < 5_000


def test_atencion_sin_frases(entrenado):
    from utils import atencion

    _, vocab, _, _ = entrenado
    with pytest.raises(ValueError, match=r"no hay ninguna frase que decodificar \(encoder_input_ids tiene forma \(0, 5\)\)"):
        atencion.decodificar_lote_atencion(np.zeros((0, 5), dtype=int), None, None, vocab)
    with pytest.raises(ValueError, match="debe ser un arreglo de enteros de forma"):
        atencion.decodificar_lote_atencion(np.zeros(5), None, None, vocab)
    with pytest.raises(ValueError, match="necesita al menos un modelo"):
        atencion.tabla_por_longitud({})
    with pytest.raises(ValueError, match="los mismos tramos"):
        atencion.tabla_por_longitud({"a": [{"tramo": "1–10", "frases": 1, "chrf": 1.0, "exactas": 0.0}], "b": []})
    with pytest.raises(ValueError, match="el mismo número"):
        atencion.calidad_por_longitud(["Hi."], [], [["Salut."]])


# === Archivos que no son lo que parecen (issue 25, ronda 3) ======================================
@pytest.mark.parametrize("clase", ["fifo", "dispositivo", "socket"])
def test_corpus_que_no_es_un_archivo_normal(tmp_path, monkeypatch, clase):
    # Un dispositivo o una tubería no se abren (leer /dev/zero no acabaría; abrir una FIFO se queda esperando).
    import socket

    if clase == "fifo":
        ruta, esperado = tmp_path / "tubo", "una tubería con nombre \\(FIFO\\)"
        os.mkfifo(ruta)
    elif clase == "dispositivo":
        ruta, esperado = Path("/dev/zero"), "un dispositivo"
    else:
        ruta, esperado = tmp_path / "s", "un socket"
        servidor = socket.socket(socket.AF_UNIX)
        servidor.bind(str(ruta))
    try:
        with pytest.raises(ValueError, match=f"'{ruta.name}' es {esperado}, no un archivo de datos.*archivo normal"):
            leer_pares(ruta)
        monkeypatch.setenv("SEQ2SEQ_CORPUS", str(ruta))
        with pytest.raises(ValueError, match=f"SEQ2SEQ_CORPUS: '{ruta.name}' es {esperado}"):
            datos.obtener_ruta_corpus(obtener_configuracion("prueba"))
    finally:
        if clase == "socket":
            servidor.close()


@pytest.mark.parametrize("firma", [b"BZh91AY&SY", b"\xfd7zXZ\x00\x00", b"7z\xbc\xaf\x27\x1c"], ids=["bzip2", "xz", "7z"])
def test_corpus_comprimido_con_otros_formatos(tmp_path, firma):
    with pytest.raises(ValueError, match="fra.txt es un archivo (comprimido con|7z).*descomprímelo"):
        leer_pares(escribir(tmp_path, firma + b"\x00" * 100))


@pytest.mark.parametrize(
    ("invisible", "nombre"),
    [("\u200b", "U+200B, espacio de anchura cero"), ("\ufeff", "U+FEFF, BOM dentro del texto"),
     ("\u202e", "U+202E, control de dirección del texto"), ("\u2067", "U+2067, aislamiento"),
     ("\u200f", "U+200F, marca de derecha a izquierda"), ("\u00ad", "U+00AD, guion suave")],
    ids=["zwsp", "bom_dentro", "bidi_rlo", "bidi_rli", "rlm", "guion_suave"],
)
def test_corpus_caracteres_invisibles_se_quitan_con_aviso(tmp_path, capsys, invisible, nombre):
    contenido = f"Go.\tVa !\nH{invisible}i.\tSalut.{invisible}\n{invisible}Run.\tCours\u202f!\tCC-BY\n".encode()
    ruta = escribir(tmp_path, contenido)
    corpus = leer_pares(ruta)
    assert corpus.ingles == ["Go.", "Hi.", "Run."] and corpus.frances == ["Va !", "Salut.", "Cours\u202f!"]
    assert corpus.lineas_con_invisibles == [2, 3] and corpus.descartadas == []
    vocab = crear_vocabulario(corpus.ingles, [agregar_tokens(f) for f in corpus.frances])
    assert invisible not in vocab.input_characters + vocab.target_characters
    assert "\u202f" in vocab.target_characters, "el espacio fino del francés es texto: se conserva"
    salida = capsys.readouterr().out
    assert "2 con caracteres invisibles quitados" in salida
    assert f"⚠️  se quitaron caracteres invisibles ({nombre}" in salida and "(primeras: 2, 3)" in salida
    with pytest.raises(ValueError, match=f"fra.txt, línea 2: una frase contiene un carácter invisible \\({re.escape(nombre)}"):
        leer_pares(ruta, estricto=True)


def test_corpus_bom_al_principio_sin_aviso_y_sin_invisibles_nada_cambia(tmp_path, capsys):
    corpus = leer_pares(escribir(tmp_path, "\ufeffGo.\tVa\u00a0!\n".encode()))
    assert corpus.ingles == ["Go."] and corpus.frances == ["Va\u00a0!"] and corpus.lineas_con_invisibles == []
    assert "invisibles" not in capsys.readouterr().out


def test_corpus_frase_que_solo_tiene_invisibles_o_controles(tmp_path):
    corpus = leer_pares(escribir(tmp_path, "Go.\tVa !\n\u200b\tRien.\nA\x1bb.\tC.\n".encode()), mostrar_resumen=False)
    assert [(d.numero, d.motivo) for d in corpus.descartadas] == [
        (2, "la frase en inglés o en francés está vacía"),
        (3, "contiene un carácter de control (U+001B) dentro de una frase"),
    ]
