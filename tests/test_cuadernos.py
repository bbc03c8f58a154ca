"""Pruebas de forma de los cuadernos (nbval comprueba aparte que se ejecutan y sus salidas)."""

import json
import re

import pytest

from utils.configuracion import DIR_CUADERNOS, RAIZ, URL_REPOSITORIO

CUADERNOS = sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb"))
NOMBRES = [c.name for c in CUADERNOS]


def celdas(ruta, tipo=None):
    cuaderno = json.loads(ruta.read_text(encoding="utf-8"))
    return [c for c in cuaderno["cells"] if tipo is None or c["cell_type"] == tipo]


def fuente(celda):
    return "".join(celda["source"])


def test_hay_cuadernos_numerados_en_orden():
    assert NOMBRES and NOMBRES[0].startswith("00_")
    numeros = [int(n[:2]) for n in NOMBRES]
    assert numeros == list(range(len(numeros))), "numeración sin huecos"
    assert all(n.isascii() and re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", n) for n in NOMBRES)


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_misma_celda_de_configuracion_que_la_introduccion(ruta):
    referencia = fuente(celdas(CUADERNOS[0], "code")[0])
    assert URL_REPOSITORIO in referencia, "la celda de configuración apunta al repositorio del curso"
    assert fuente(celdas(ruta, "code")[0]) == referencia


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_insignia_de_colab_apunta_a_este_cuaderno(ruta):
    cabecera = fuente(celdas(ruta)[0])
    assert cabecera.startswith("# ")
    enlace = f"https://colab.research.google.com/github/{URL_REPOSITORIO.removeprefix('https://github.com/')}/blob/main/notebooks/{ruta.name}"
    assert enlace in cabecera


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_secciones_del_curso(ruta):
    texto = "\n".join(fuente(c) for c in celdas(ruta, "markdown"))
    requeridas = ["## Objetivos de aprendizaje", "## Configuración", "## Resumen", "## Referencias"]
    if not ruta.name.startswith("00_"):
        requeridas += ["## Ejercicios", "## Soluciones"]
    for seccion in requeridas:
        assert seccion in texto, f"falta la sección {seccion!r}"
    if "## Ejercicios" in texto:
        ejercicios = texto.split("## Ejercicios")[1].split("## Soluciones")[0]
        assert len(re.findall(r"^\d+\. ", ejercicios, flags=re.M)) >= 3, "al menos tres ejercicios"


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_salidas_guardadas_limpias(ruta):
    codigo = celdas(ruta, "code")
    assert all(c.get("execution_count") for c in codigo), "guardado tras ejecutarlo entero"
    for celda in codigo:
        for salida in celda.get("outputs", []):
            assert salida["output_type"] != "error", f"salida de error guardada: {fuente(celda)[:60]!r}"
            texto = json.dumps(salida.get("text", "")) + json.dumps(salida.get("data", {}).get("text/plain", ""))
            assert str(RAIZ) not in texto and not re.search(r"/(home|root|Users)/\w", texto), "ruta de una máquina"
            assert "Traceback" not in texto


# --- Lecciones que caben en una clase (límites declarados en el README) ---------------------------
MAX_PALABRAS_DE_PROSA = 3500  # unos 27 min a 130 palabras por minuto
MAX_CELDAS_DE_CODIGO = 60  # un minuto por celda, como mucho


def palabras_de_prosa(ruta) -> int:
    """Palabras de las celdas de texto, sin bloques de código, fórmulas, código en línea, enlaces ni HTML."""
    texto = "\n".join(fuente(c) for c in celdas(ruta, "markdown"))
    for patron in (r"```.*?```", r"\$\$.*?\$\$", r"\$[^$\n]+\$", r"`[^`\n]*`", r"<[^>]+>"):
        texto = re.sub(patron, " ", texto, flags=re.S)
    texto = re.sub(r"\]\([^)]*\)", "]", texto)
    return len(re.findall(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]{2,}", texto))


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_cabe_en_una_clase(ruta):
    palabras, codigo = palabras_de_prosa(ruta), len(celdas(ruta, "code"))
    print(f"{ruta.name}: {palabras} palabras de prosa, {codigo} celdas de código")
    assert palabras <= MAX_PALABRAS_DE_PROSA, f"{palabras} palabras de prosa (máximo {MAX_PALABRAS_DE_PROSA})"
    assert codigo <= MAX_CELDAS_DE_CODIGO, f"{codigo} celdas de código (máximo {MAX_CELDAS_DE_CODIGO})"


def test_el_contador_de_palabras_no_cuenta_codigo_ni_formulas(tmp_path):
    cuaderno = {"cells": [{"cell_type": "markdown", "source": "Dos palabras `codigo_en_linea` $x + y$ [enlace](https://ejemplo.org/largo)\n```python\nmuchas palabras aqui\n```"}]}
    ruta = tmp_path / "c.ipynb"
    ruta.write_text(json.dumps(cuaderno), encoding="utf-8")
    assert palabras_de_prosa(ruta) == 3  # «Dos», «palabras», «enlace»


# --- Datos de la configuración que la prosa no puede contradecir ------------------------------------
def _valores(config) -> dict:
    return {"latent_dim": config.latent_dim, "pares": config.num_pares, "épocas": config.epocas,
            "lote": config.batch_size, "tasa": config.tasa_aprendizaje}


PATRONES_DE_CONFIGURACION = {
    "latent_dim": r"latent_dim\W{0,3}=\W{0,2}(\d+)",
    "pares": r"(\d{1,3}(?:[  ]\d{3})*|\d+) pares",
    "épocas": r"hasta (\d+) épocas",
    "lote": r"lotes de (\d+)",
    "tasa": r"tasa de aprendizaje (?:de )?(\d+[.,]\d+)",
}


def datos_de_configuracion_en_la_prosa(texto: str) -> list[tuple[str, str, float]]:
    """(configuración, campo, valor) de cada frase que atribuye un tamaño a «curso» o «prueba»."""
    encontrados = []
    for frase in re.split(r"(?<=[.;:])\s+|\n", texto):
        nombres = set(re.findall(r"«(curso|prueba)»", frase))
        if len(nombres) != 1:
            continue  # sin configuración nombrada (o con las dos) la frase no atribuye un valor
        for campo, patron in PATRONES_DE_CONFIGURACION.items():
            for valor in re.findall(patron, frase):
                encontrados.append((nombres.pop() if False else next(iter(nombres)), campo, float(re.sub(r"[  ]", "", valor).replace(",", "."))))
    return encontrados


def test_el_detector_de_datos_de_configuracion_encuentra_uno_caducado():
    texto = "En la configuración «prueba» el modelo tiene latent_dim = 64 y entrena hasta 40 épocas."
    assert datos_de_configuracion_en_la_prosa(texto) == [("prueba", "latent_dim", 64.0), ("prueba", "épocas", 40.0)]


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_la_prosa_no_contradice_la_configuracion(ruta):
    from utils.configuracion import CONFIGURACIONES

    texto = "\n".join(fuente(c) for c in celdas(ruta, "markdown"))
    for nombre, campo, valor in datos_de_configuracion_en_la_prosa(texto):
        real = _valores(CONFIGURACIONES[nombre])[campo]
        assert valor == real, f"la prosa dice {campo} = {valor:g} en «{nombre}», pero la configuración tiene {real}"


# --- Soluciones al final y plegadas --------------------------------------------------------------------
@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_soluciones_al_final_y_plegadas(ruta):
    secciones = [m.group(1) for c in celdas(ruta, "markdown") for m in re.finditer(r"^## (.+)$", fuente(c), flags=re.M)]
    assert secciones[-1] == "Soluciones", f"las soluciones deben ir al final, después de {secciones[-1]!r}"
    assert secciones[-2] == "Referencias", "las referencias van justo antes de las soluciones"
    textos = [fuente(c) for c in celdas(ruta, "markdown")]
    inicio = next(i for i, t in enumerate(textos) if t.startswith("## Soluciones"))
    for texto in textos[inicio + 1 :]:
        assert not re.match(r"\*\*(Ejercicio )?\d+\.\*\*", texto), f"solución sin plegar: {texto[:60]!r}"
    assert "<details>" in "\n".join(textos[inicio:]), "cada solución va en un bloque <details>"


def test_la_introduccion_termina_con_una_autoevaluacion():
    texto = "\n".join(fuente(c) for c in celdas(CUADERNOS[0], "markdown"))
    preguntas = texto.split("## Autoevaluación")[1].split("## ")[0]
    assert len(re.findall(r"^\d+\. ", preguntas, flags=re.M)) >= 3
    assert texto.count("<summary>Solución") >= 3


# --- Glosario -----------------------------------------------------------------------------------------
GLOSARIO = RAIZ / "GLOSARIO.md"
TERMINOS_DE_LA_GUIA = ["encoder", "decoder", "teacher forcing", "hidden state", "cell state", "one-hot", "padding",
                       "token", "embedding", "beam search", "greedy"]
# Cursivas que no son términos técnicos: títulos de obras y palabras de ejemplo.
NO_SON_TERMINOS = {
    "character-level recurrent sequence-to-sequence model", "i", "i am tired", "is", "je", "she", "tu", "vous",
    "fatigué", "fatiguée", "grand", "grande", "passé composé", "a ten-minute introduction",
}


def terminos_del_glosario() -> set[str]:
    """Términos del glosario (en español y en inglés), en minúsculas y sin cursivas."""
    terminos = set()
    for fila in GLOSARIO.read_text(encoding="utf-8").splitlines():
        columnas = [c.strip() for c in fila.strip("|").split("|")]
        if fila.startswith("|") and len(columnas) == 4 and not set(columnas[0]) <= set("-"):
            for parte in (columnas[0], columnas[1]):
                for termino in re.split(r",\s*|\s*\(", parte):
                    terminos.add(termino.replace("*", "").strip(" )").lower())
    return terminos - {""}


def cursivas_de(ruta) -> set[str]:
    """Textos en cursiva (de una a cuatro palabras) de la prosa de una lección, sin ejercicios ni referencias."""
    encontradas = set()
    for celda in celdas(ruta, "markdown"):
        texto = fuente(celda)
        if texto.startswith(("## Referencias", "## Soluciones", "<details>")):
            continue
        texto = texto.split("## Ejercicios")[0]
        for patron in (r"```.*?```", r"`[^`\n]*`", r"\$[^$]*\$", r"\*\*(?!\*)[^*]+\*\*(?!\*)"):
            texto = re.sub(patron, " ", texto, flags=re.S)
        texto = texto.replace("***", "*")
        for m in re.finditer(r"(?<![\w*])\*([^*\n]+?)\*(?![\w*])", texto):
            if 0 < len(m.group(1).split()) <= 4:
                encontradas.add(m.group(1).strip().lower())
    return encontradas


def test_el_glosario_existe_y_esta_enlazado():
    terminos = terminos_del_glosario()
    assert len(terminos) >= 60
    for termino in TERMINOS_DE_LA_GUIA:
        assert termino in terminos, f"falta {termino!r} (un término de la guía del curso)"
    assert "GLOSARIO.md" in (RAIZ / "README.md").read_text(encoding="utf-8")
    assert "GLOSARIO.md" in "\n".join(fuente(c) for c in celdas(CUADERNOS[0], "markdown"))
    for destino in re.findall(r"\]\((notebooks/[^)#]+)", GLOSARIO.read_text(encoding="utf-8")):
        assert (RAIZ / destino).is_file(), f"el glosario enlaza a {destino}, que no existe"


@pytest.mark.parametrize("ruta", CUADERNOS, ids=NOMBRES)
def test_cada_termino_en_cursiva_esta_en_el_glosario(ruta):
    terminos = terminos_del_glosario()
    faltan = sorted(t for t in cursivas_de(ruta) - NO_SON_TERMINOS
                    if t not in terminos and t.rstrip("s") not in terminos and t.removesuffix("es") not in terminos)
    assert not faltan, f"términos en cursiva que no están en GLOSARIO.md: {faltan}"
