"""Pruebas de la etapa de datos (utils/datos.py). Ninguna usa la red."""

import io
import re
import urllib.error
import zipfile

import numpy as np
import pytest

from utils import datos
from utils.configuracion import obtener_configuracion
from utils.datos import (
    FIN,
    ID_RELLENO,
    INICIO,
    ErrorDescarga,
    agregar_tokens,
    crear_vocabulario,
    frase_a_encoder_input,
    ids_a_one_hot,
    ids_a_texto,
    leer_pares,
    texto_a_ids,
    vectorizar_ids,
    vectorizar_one_hot,
)

ATRIB = "CC-BY 2.0 (France) Attribution: tatoeba.org #1 (ana) & #2 (luc)"


def escribir(tmp_path, contenido: bytes, nombre="fra.txt"):
    ruta = tmp_path / nombre
    ruta.write_bytes(contenido)
    return ruta


# --- Lectura -----------------------------------------------------------------------------
def test_tres_columnas_conserva_atribucion(tmp_path):
    ruta = escribir(tmp_path, f"Go.\tVa\u202f!\t{ATRIB}\nHi.\tSalut.\t{ATRIB}\n".encode())
    corpus = leer_pares(ruta, mostrar_resumen=False)
    assert corpus.ingles == ["Go.", "Hi."]
    assert corpus.frances == ["Va\u202f!", "Salut."]
    assert corpus.atribuciones == [ATRIB, ATRIB]
    assert corpus.descartadas == []


def test_dos_columnas_sin_atribucion(tmp_path):
    ruta = escribir(tmp_path, "Go.\tVa !\nRun!\tCours !\n".encode())
    corpus = leer_pares(ruta, mostrar_resumen=False)
    assert len(corpus) == 2
    assert corpus.atribuciones == ["", ""]
    assert "2 columnas" in corpus.resumen()


@pytest.mark.parametrize(
    "contenido",
    [
        "\ufeffGo.\tVa !\r\nHi.\tSalut.\r\n".encode(),  # BOM + CRLF
        "Go.\tVa !\rHi.\tSalut.".encode(),  # solo CR, sin salto final
        "Go.\tVa !\nHi.\tSalut.".encode(),  # sin salto de línea final
    ],
)
def test_bom_y_finales_de_linea(tmp_path, contenido):
    corpus = leer_pares(escribir(tmp_path, contenido), mostrar_resumen=False)
    assert corpus.ingles == ["Go.", "Hi."]
    assert corpus.frances == ["Va !", "Salut."]


@pytest.mark.parametrize(
    "contenido",
    [
        "\ufeffGo.\tVa !\r\nHi.\tSalut.\r\n".encode(),
        "Go.\tVa !\rHi.\tSalut.\r".encode(),
        "Go.\tVa !\nRun!\tCours !\rHi.\tÇa\u202f!\r\n\nroto\nWow!\tOh".encode(),
        "Go.\tVa !\r\nHi.\tÇa\u202f!\r\n".encode("utf-16"),
    ],
    ids=["bom_crlf", "solo_cr", "mezclado_y_sin_salto_final", "utf16"],
)
def test_leer_por_trozos_pequenos_da_lo_mismo(tmp_path, monkeypatch, contenido):
    """Un \\r\\n, un carácter UTF-8 o un BOM partidos entre dos trozos no cambian nada."""
    ruta = escribir(tmp_path, contenido)
    entero = leer_pares(ruta, mostrar_resumen=False)
    for tamano in (1, 2, 3, 5):
        monkeypatch.setattr(datos, "TAMANO_TROZO", tamano)
        por_trozos = leer_pares(ruta, mostrar_resumen=False)
        assert (por_trozos.ingles, por_trozos.frances, por_trozos.resumen()) == (entero.ingles, entero.frances, entero.resumen())
        assert [(d.numero, d.motivo) for d in por_trozos.descartadas] == [(d.numero, d.motivo) for d in entero.descartadas]


def test_lineas_mal_formadas_se_cuentan_y_avisan(tmp_path, capsys):
    contenido = (
        "Go.\tVa !\n"
        "sin tabulador\n"
        "\n"
        "a\tb\tc\td\n"
        "Hi.\tSalut.\n".encode()
        + "Caf\xe9.\tCaf\xe9.\n".encode("latin-1")
        + "\tvide\n".encode()
    )
    corpus = leer_pares(escribir(tmp_path, contenido))
    assert corpus.ingles == ["Go.", "Hi."]
    assert [d.numero for d in corpus.descartadas] == [2, 4, 6, 7]
    assert corpus.lineas_en_blanco == 1
    motivos = [d.motivo for d in corpus.descartadas]
    assert "tabulador" in motivos[0] and "4 columnas" in motivos[1]
    assert "UTF-8" in motivos[2] and "vacía" in motivos[3]
    salida = capsys.readouterr().out
    assert "se saltaron 4 líneas mal formadas de fra.txt" in salida
    assert "primeras: 2, 4, 6, 7" in salida


def test_estricto_lanza_con_numero_de_linea(tmp_path):
    ruta = escribir(tmp_path, "Go.\tVa !\nroto\n".encode())
    with pytest.raises(ValueError, match=r"fra.txt, línea 2: no tiene tabulador"):
        leer_pares(ruta, estricto=True)


def test_limite_de_pares_en_orden_del_archivo(tmp_path):
    lineas = "".join(f"s{i}\tp{i}\n" for i in range(10))
    corpus = leer_pares(escribir(tmp_path, lineas.encode()), num_pares=3, mostrar_resumen=False)
    assert corpus.ingles == ["s0", "s1", "s2"]
    assert corpus.lineas_leidas == 3


def test_pares_repetidos_se_conservan_y_cuentan(tmp_path):
    corpus = leer_pares(escribir(tmp_path, "Go.\tVa !\nGo.\tVa !\n".encode()), mostrar_resumen=False)
    assert len(corpus) == 2 and corpus.pares_repetidos == 1


@pytest.mark.parametrize("contenido", [b"", b"\n\n", "solo texto\n".encode()])
def test_archivo_sin_pares(tmp_path, contenido):
    with pytest.raises(ValueError, match="no contiene ningún par válido"):
        leer_pares(escribir(tmp_path, contenido), mostrar_resumen=False)


def test_archivo_inexistente(tmp_path):
    with pytest.raises(FileNotFoundError, match="no existe el archivo de datos"):
        leer_pares(tmp_path / "no_esta.txt")


def test_archivo_sin_permiso_de_lectura(tmp_path, monkeypatch):
    ruta = escribir(tmp_path, b"Go.\tVa !\n")

    def open_sin_permiso(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(ruta))

    monkeypatch.setattr(datos, "open", open_sin_permiso, raising=False)  # como root, chmod no impide leer
    with pytest.raises(PermissionError, match="no hay permiso para leer 'fra.txt'.*chmod u\\+r"):
        leer_pares(ruta)


@pytest.mark.parametrize("num_pares", [0, -5, 2.5, "10", True])
def test_num_pares_invalido(tmp_path, num_pares):
    with pytest.raises(ValueError, match="num_pares"):
        leer_pares(escribir(tmp_path, b"a\tb\n"), num_pares=num_pares)


# --- El corpus del curso ---------------------------------------------------------------------
def test_corpus_del_curso_se_lee_entero_sin_perdidas():
    corpus = leer_pares(datos.CORPUS_CURSO, mostrar_resumen=False)
    assert len(corpus) >= 2000
    assert corpus.descartadas == [] and corpus.lineas_en_blanco == 0
    assert all(corpus.atribuciones), "el corpus del curso tiene 3 columnas"
    longitudes = [len(s) for s in corpus.ingles]
    assert longitudes == sorted(longitudes), "ordenado por longitud, como el original"
    assert any("\u202f" in f for f in corpus.frances)
    assert not any(c + "!" in f or c + "?" in f for f in corpus.frances for c in " \u00a0")


# --- Descarga y alternativa sin red -----------------------------------------------------------
def zip_en_memoria(miembros: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archivo:
        for nombre, contenido in miembros.items():
            archivo.writestr(nombre, contenido)
    return buffer.getvalue()


class RespuestaFalsa(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def test_descarga_verifica_y_guarda_en_cache(tmp_path, monkeypatch):
    contenido = zip_en_memoria({"fra.txt": b"Go.\tVa !\n" * 100, "_about.txt": b"info"})
    cabeceras = {}

    def urlopen_falso(peticion, timeout):
        cabeceras.update(peticion.headers)
        return RespuestaFalsa(contenido)

    monkeypatch.setattr(datos.urllib.request, "urlopen", urlopen_falso)
    monkeypatch.setattr(datos, "TAMANO_MINIMO_TXT", 10)
    ruta = datos.descargar_tatoeba(destino=tmp_path)
    assert ruta == tmp_path / "fra.txt" and ruta.read_bytes().startswith(b"Go.\tVa !")
    assert "Mozilla" in cabeceras["User-agent"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fra-eng.zip", "fra.txt"]

    # Segunda llamada: sale de la caché, sin descargar.
    monkeypatch.setattr(datos.urllib.request, "urlopen", lambda *a, **k: pytest.fail("descargó otra vez"))
    assert datos.descargar_tatoeba(destino=tmp_path) == ruta


@pytest.mark.parametrize(
    ("fallo", "mensaje"),
    [
        (urllib.error.URLError("sin red"), "no hay conexión"),
        (urllib.error.HTTPError("u", 406, "Not Acceptable", {}, None), "error HTTP 406"),
        (TimeoutError(), "no respondió"),
    ],
)
def test_fallos_de_red_dejan_la_cache_limpia(tmp_path, monkeypatch, fallo, mensaje):
    def urlopen_falso(peticion, timeout):
        raise fallo

    monkeypatch.setattr(datos.urllib.request, "urlopen", urlopen_falso)
    with pytest.raises(ErrorDescarga, match=mensaje):
        datos.descargar_tatoeba(destino=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("contenido", "mensaje"),
    [
        (b"<html>Forbidden</html>", "no es un archivo zip"),
        (zip_en_memoria({"otro.txt": b"x" * 100}), "no contiene 'fra.txt'"),
        (zip_en_memoria({"fra.txt": b"Go.\tVa !\n"}), "la descarga parece incompleta"),
    ],
)
def test_zip_invalido_no_queda_en_cache(tmp_path, monkeypatch, contenido, mensaje):
    monkeypatch.setattr(datos.urllib.request, "urlopen", lambda p, timeout: RespuestaFalsa(contenido))
    with pytest.raises(ErrorDescarga, match=mensaje):
        datos.descargar_tatoeba(destino=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_zip_truncado_no_queda_en_cache(tmp_path, monkeypatch):
    completo = zip_en_memoria({"fra.txt": b"Go.\tVa !\n" * 5000})
    monkeypatch.setattr(datos.urllib.request, "urlopen", lambda p, timeout: RespuestaFalsa(completo[:-300]))
    with pytest.raises(ErrorDescarga):
        datos.descargar_tatoeba(destino=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_sin_red_real_la_descarga_falla_con_mensaje_en_espanol(tmp_path):
    # conftest.py bloquea los sockets: esto demuestra que la prueba no sale a la red.
    with pytest.raises(ErrorDescarga, match="no hay conexión"):
        datos.descargar_tatoeba(destino=tmp_path, tiempo_limite=1)


def test_configuracion_curso_sin_red_usa_datos_con_aviso(monkeypatch, capsys):
    def descarga_fallida():
        raise ErrorDescarga("no hay conexión con el servidor (prueba).")

    ruta = datos.obtener_ruta_corpus(obtener_configuracion("curso"), descargar=descarga_fallida)
    assert ruta == datos.CORPUS_CURSO
    salida = capsys.readouterr().out
    assert "⚠️" in salida and "no se pudo obtener el archivo completo de Tatoeba" in salida
    assert "datos/fra-eng-curso.txt" in salida


def test_configuracion_prueba_nunca_descarga():
    ruta = datos.obtener_ruta_corpus(
        obtener_configuracion("prueba"), descargar=lambda: pytest.fail("la configuración de prueba descargó")
    )
    assert ruta == datos.CORPUS_CURSO


def test_variable_de_entorno_elige_el_corpus(tmp_path, monkeypatch):
    propio = escribir(tmp_path, b"Go.\tVa !\n", nombre="mio.txt")
    monkeypatch.setenv("SEQ2SEQ_CORPUS", str(propio))
    assert datos.obtener_ruta_corpus(obtener_configuracion("curso")) == propio
    monkeypatch.setenv("SEQ2SEQ_CORPUS", str(tmp_path / "falta.txt"))
    with pytest.raises(FileNotFoundError, match="SEQ2SEQ_CORPUS"):
        datos.obtener_ruta_corpus(obtener_configuracion("curso"))


# --- Vocabularios y vectorización --------------------------------------------------------------
INPUT_TEXTS = ["Go.", "Hi.", "Run!"]
TARGET_TEXTS = [agregar_tokens(f) for f in ["Va\u202f!", "Salut.", "Cours\u202f!"]]


@pytest.fixture
def vocab():
    return crear_vocabulario(INPUT_TEXTS, TARGET_TEXTS)


def test_vocabulario_ordenado_y_determinista(vocab):
    assert list(vocab.input_characters) == sorted(set("".join(INPUT_TEXTS)))
    assert vocab.target_characters[:2] == (INICIO, FIN)  # '\t' (9) y '\n' (10) van primero
    otro = crear_vocabulario(list(reversed(INPUT_TEXTS)), list(reversed(TARGET_TEXTS)))
    assert otro == vocab and otro.target_token_index == vocab.target_token_index
    assert vocab.max_encoder_seq_length == 4 and vocab.max_decoder_seq_length == 9  # "\tCours\u202f!\n"
    for caracter, indice in vocab.target_token_index.items():
        assert vocab.reverse_target_char_index[indice] == caracter


def test_vocabulario_ida_y_vuelta_por_diccionario(vocab):
    assert type(vocab).desde_diccionario(vocab.a_diccionario()) == vocab


@pytest.mark.parametrize(
    ("cambio", "problema"),
    [
        ({"target_characters": ["\t", "a"]}, "target_characters no tiene el token de fin '\\n'"),
        ({"input_characters": ["a", "a"]}, "input_characters repite 'a'"),
        ({"input_characters": []}, "input_characters debe ser una lista de caracteres sueltos"),
        ({"max_encoder_seq_length": 2.5}, "max_encoder_seq_length debe ser un entero mayor o igual que 1"),
        ({"max_decoder_seq_length": True}, "max_decoder_seq_length debe ser un entero"),
    ],
    ids=["sin_fin", "repetido", "vacio", "longitud_decimal", "longitud_booleana"],
)
def test_vocabulario_incoherente_da_error_claro(vocab, cambio, problema):
    with pytest.raises(ValueError, match=re.escape("el vocabulario no es válido: " + problema)):
        type(vocab).desde_diccionario({**vocab.a_diccionario(), **cambio})
    with pytest.raises(ValueError, match="falta la clave 'max_encoder_seq_length'"):
        type(vocab).desde_diccionario({"input_characters": ["a"], "target_characters": ["\t", "\n"]})


def test_objetivos_sin_tokens_dan_error_claro():
    with pytest.raises(ValueError, match="agregar_tokens"):
        crear_vocabulario(["Go."], ["Va !"])


def test_one_hot_formas_desfase_y_relleno(vocab):
    encoder_input_data, decoder_input_data, decoder_target_data = vectorizar_one_hot(INPUT_TEXTS, TARGET_TEXTS, vocab)
    assert encoder_input_data.shape == (3, 4, vocab.num_encoder_tokens)
    assert decoder_input_data.shape == decoder_target_data.shape == (3, 9, vocab.num_decoder_tokens)
    assert encoder_input_data.dtype == np.float32
    # El objetivo va un paso por delante: decoder_target_data[:, t-1] == decoder_input_data[:, t].
    np.testing.assert_array_equal(decoder_target_data[:, :-1], decoder_input_data[:, 1:])
    assert not decoder_target_data[:, -1].any()
    # Relleno: filas de ceros tras el final de cada frase; una sola posición encendida antes.
    sumas = encoder_input_data.sum(axis=-1)
    np.testing.assert_array_equal(sumas, [[1, 1, 1, 0], [1, 1, 1, 0], [1, 1, 1, 1]])
    assert decoder_input_data[1].sum(axis=-1).tolist() == [1] * 8 + [0]  # "\tSalut.\n": 8 pasos y relleno
    assert decoder_input_data[2].sum(axis=-1).tolist() == [1] * 9  # la frase más larga no lleva relleno
    assert decoder_input_data[0, 0, vocab.target_token_index[INICIO]] == 1
    assert decoder_target_data[0, 4, vocab.target_token_index[FIN]] == 1  # "\n" entra en t=5


def test_ids_equivalen_a_one_hot_y_vuelven_al_texto(vocab):
    one_hot = vectorizar_one_hot(INPUT_TEXTS, TARGET_TEXTS, vocab)
    ids = vectorizar_ids(INPUT_TEXTS, TARGET_TEXTS, vocab)
    for arreglo_ids, arreglo_one_hot in zip(ids, one_hot):
        assert arreglo_ids.dtype == np.int32
        np.testing.assert_array_equal(ids_a_one_hot(arreglo_ids, arreglo_one_hot.shape[-1]), arreglo_one_hot)
    encoder_input_ids, decoder_input_ids, _ = ids
    assert encoder_input_ids[0, -1] == ID_RELLENO
    assert [ids_a_texto(f, vocab.reverse_input_char_index) for f in encoder_input_ids] == INPUT_TEXTS
    assert [ids_a_texto(f, vocab.reverse_target_char_index) for f in decoder_input_ids] == TARGET_TEXTS


def test_ids_fuera_del_vocabulario(vocab):
    with pytest.raises(ValueError, match="no existe en este vocabulario"):
        ids_a_texto([0, 99], vocab.reverse_input_char_index)
    with pytest.raises(ValueError, match="fuera del vocabulario de 5 caracteres"):
        ids_a_one_hot(np.array([[0, 5, -1]]), 5)
    with pytest.raises(ValueError, match="fuera del vocabulario"):
        ids_a_one_hot(np.array([-2]), 5)


def test_vectorizar_con_caracter_desconocido_no_da_keyerror(vocab):
    with pytest.raises(ValueError, match="no conoce: 'Z'"):
        vectorizar_one_hot(["Zo."], [agregar_tokens("Va.")], vocab)


def test_frase_nueva_a_entrada_del_codificador(vocab):
    x = frase_a_encoder_input("Hi!", vocab)
    assert x.shape == (1, vocab.max_encoder_seq_length, vocab.num_encoder_tokens)
    assert x.sum() == 3
    ids = frase_a_encoder_input("Hi!", vocab, one_hot=False)
    assert ids_a_texto(ids[0], vocab.reverse_input_char_index) == "Hi!"


def test_error_de_caracter_desconocido_muestra_los_especiales(vocab):
    with pytest.raises(ValueError) as error:
        texto_a_ids("Vaz", vocab.target_token_index)  # 'z' no está en el francés de VOCAB
    assert r"\t\n" in str(error.value) and r"\u202f" in str(error.value)


def test_frase_nueva_con_caracteres_desconocidos(vocab, capsys):
    with pytest.raises(ValueError, match="no conoce: '€'.*Caracteres válidos"):
        frase_a_encoder_input("Go€", vocab)
    x = frase_a_encoder_input("Go€", vocab, desconocidos="omitir")
    assert x.sum() == 2
    assert "se omiten caracteres que el modelo no conoce: '€'" in capsys.readouterr().out
    with pytest.raises(ValueError, match="ningún carácter"):
        frase_a_encoder_input("€€", vocab, desconocidos="omitir")


def test_frase_nueva_demasiado_larga_o_no_texto(vocab):
    with pytest.raises(ValueError, match="admite como máximo 4"):
        frase_a_encoder_input("GoGoGo", vocab)
    with pytest.raises(TypeError, match="se esperaba un texto"):
        frase_a_encoder_input(None, vocab)
    with pytest.raises(ValueError, match="desconocidos debe ser"):
        frase_a_encoder_input("Go.", vocab, desconocidos="ignorar")


def test_datos_deterministas():
    corpus = leer_pares(datos.CORPUS_CURSO, num_pares=300, mostrar_resumen=False)
    objetivos = [agregar_tokens(f) for f in corpus.frances]
    a = vectorizar_one_hot(corpus.ingles, objetivos, crear_vocabulario(corpus.ingles, objetivos))
    b = vectorizar_one_hot(corpus.ingles, objetivos, crear_vocabulario(corpus.ingles, objetivos))
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
