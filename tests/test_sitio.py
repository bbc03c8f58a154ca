"""El sitio web del curso: se construye con sitio/construir.py y se lee en un navegador sin red.

Primero, comprobaciones del HTML (sin navegador): lecciones en orden con su título, navegación,
insignia de Colab, salidas guardadas sin ejecutar nada, nada pedido a internet, las tablas del
README y las licencias. Después, cada página en Chromium (``tests/navegador.py``) servida desde
127.0.0.1: carga entera, todos sus enlaces internos llevan a un archivo y un ancla que existen,
todas sus imágenes cargan y MathJax compone las fórmulas.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from navegador import ESTADO, guardar_captura, navegador, pestana, tiene_formulas  # noqa: F401  (fixtures)

from sitio.construir import INSIGNIA_LOCAL, construir_sitio, titulo_de
from utils.configuracion import DIR_CUADERNOS, RAIZ, URL_REPOSITORIO

CUADERNOS = sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb"))
LECCIONES = [c.with_suffix(".html").name for c in CUADERNOS]
PAGINAS = ["index.html", *LECCIONES, "glosario.html", "licencia.html"]
FUENTES = {"index.html": RAIZ / "README.md", "glosario.html": RAIZ / "GLOSARIO.md", "licencia.html": RAIZ / "LICENSE", **dict(zip(LECCIONES, CUADERNOS))}
CAPTURA = LECCIONES[min(1, len(LECCIONES) - 1)]  # la misma lección que la captura de JupyterLab
README = (RAIZ / "README.md").read_text(encoding="utf-8")
ESPERAR_MATHJAX = "() => new Promise(listo => window.MathJax && MathJax.Hub ? MathJax.Hub.Queue(() => listo(true)) : listo(false))"


@pytest.fixture(scope="module")
def sitio(tmp_path_factory):
    """El sitio construido con la misma función que la orden del README, en una carpeta temporal."""
    return construir_sitio(tmp_path_factory.mktemp("sitio") / "_sitio")


@functools.cache
def sopa(ruta: Path) -> BeautifulSoup:
    return BeautifulSoup(ruta.read_text(encoding="utf-8"), "html.parser")


def celdas(ruta: Path) -> list[dict]:
    return json.loads(ruta.read_text(encoding="utf-8"))["cells"]


def test_se_construye_sin_avisos(sitio):
    assert sitio.avisos == [], "enlaces o imágenes rotos al construir:\n" + "\n".join(sitio.avisos)
    assert [p.archivo for p in sitio.paginas] == PAGINAS
    assert (sitio.destino / ".nojekyll").is_file(), "GitHub Pages sirve los archivos tal cual"


@pytest.mark.parametrize("archivo", LECCIONES)
def test_leccion_con_titulo_navegacion_e_insignia(sitio, archivo):
    html = sopa(sitio.destino / archivo)
    cuaderno = FUENTES[archivo]
    assert html.title.string == titulo_de("".join(celdas(cuaderno)[0]["source"]), archivo)
    assert html.html["lang"] == "es"
    indice = [a["href"] for a in html.select("nav.curso-lecciones ol a")]
    assert indice == LECCIONES, "el índice lista todas las lecciones, en orden"
    assert html.select_one("nav.curso-lecciones a[aria-current=page]")["href"] == archivo
    posicion = LECCIONES.index(archivo)
    anterior = html.select_one("a[rel=prev]")["href"]
    assert anterior == (LECCIONES[posicion - 1] if posicion else "index.html")
    siguiente = html.select_one("a[rel=next]")
    assert (siguiente["href"] if siguiente else None) == (LECCIONES[posicion + 1] if posicion + 1 < len(LECCIONES) else None)
    colab = f"https://colab.research.google.com/github/{URL_REPOSITORIO.removeprefix('https://github.com/')}/blob/main/notebooks/{cuaderno.name}"
    assert html.select_one(f'a[href="{colab}"] img[src="{INSIGNIA_LOCAL}"]'), "insignia de Colab de este cuaderno"
    assert html.select_one(f'a[href="cuadernos/{cuaderno.name}"][download]')


@pytest.mark.parametrize("archivo", LECCIONES)
def test_las_salidas_son_las_guardadas(sitio, archivo):
    """Las salidas se copian del cuaderno (no se vuelve a ejecutar): las mismas imágenes y textos."""
    html = (sitio.destino / archivo).read_text(encoding="utf-8")
    texto = sopa(sitio.destino / archivo).get_text()
    salidas = [s for c in celdas(FUENTES[archivo]) for s in c.get("outputs", [])]
    imagenes = sum("image/png" in s.get("data", {}) for s in salidas)
    assert html.count('src="data:image/png;base64,') == imagenes
    for salida in salidas:
        lineas = "".join(salida.get("text", "")).strip().splitlines()
        assert not lineas or lineas[0] in texto, f"falta la salida guardada {lineas[0]!r}"


@pytest.mark.parametrize("archivo", LECCIONES)
def test_el_codigo_de_las_soluciones_llega_plegado(sitio, archivo):
    """Como en JupyterLab y Colab: el código oculto de una solución no se ve hasta pulsar «Mostrar el código»."""
    ocultas = [c for c in celdas(FUENTES[archivo]) if c["cell_type"] == "code"
               and c.get("metadata", {}).get("jupyter", {}).get("source_hidden")]
    plegadas = sopa(sitio.destino / archivo).select("details.curso-codigo-oculto")
    assert len(plegadas) == len(ocultas)
    for celda, plegada in zip(ocultas, plegadas):
        assert plegada.summary.get_text(strip=True) == "Mostrar el código"
        assert "".join(celda["source"]).splitlines()[0].split("#")[-1].strip()[:20] in plegada.get_text()


@pytest.mark.parametrize("archivo", PAGINAS)
def test_nada_se_pide_a_internet(sitio, archivo):
    html = sopa(sitio.destino / archivo)
    externos = [e.get("src") or e.get("href") for e in html.select("script[src], link[href], img[src]")]
    assert not [u for u in externos if re.match(r"(https?:)?//", u)], "el sitio debe leerse sin red (ni CDN ni imágenes externas)"


def test_portada_con_las_tablas_del_readme_y_licencias(sitio):
    tablas = len(re.findall(r"^\|[-:| ]+\|$", README, flags=re.M))
    assert len(sopa(sitio.destino / "index.html").find_all("table")) == tablas
    licencias = sopa(sitio.destino / "licencia.html").get_text()
    for texto in ("MIT License", "CC BY 4.0", "CC-BY 2.0 FR", "Tatoeba"):
        assert texto in licencias
    assert all(sopa(sitio.destino / p).select_one('footer a[href="licencia.html"]') for p in PAGINAS)


def test_el_readme_muestra_las_capturas():
    for nombre in ("jupyterlab.png", "sitio.png"):
        ruta = RAIZ / "imagenes" / "capturas" / nombre
        assert f"](imagenes/capturas/{nombre})" in README, f"el README no muestra {nombre}"
        assert ruta.is_file() and ruta.stat().st_size < 300_000, f"{ruta.name}: falta o pesa más de 300 KB"


class ServidorSilencioso(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # sin una línea por petición en la salida de pytest
        pass


@pytest.fixture(scope="module")
def servidor(sitio):
    """El sitio servido en 127.0.0.1, como lo serviría GitHub Pages."""
    manejador = functools.partial(ServidorSilencioso, directory=str(sitio.destino))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), manejador) as servidor:
        threading.Thread(target=servidor.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{servidor.server_address[1]}/"
        servidor.shutdown()


def enlaces_rotos(sitio, base: str, enlaces: list[str]) -> list[str]:
    """Los enlaces internos que no llevan a un archivo del sitio o a un ancla de ese archivo."""
    rotos = []
    for enlace in enlaces:
        if not enlace.startswith(base):
            continue  # externo (GitHub, Colab, artículos): no se comprueba sin red
        partes = urlsplit(enlace)
        destino = sitio.destino / unquote(partes.path.removeprefix(urlsplit(base).path))
        if destino.is_dir():
            destino = destino / "index.html"
        if not destino.is_file():
            rotos.append(f"{enlace} (no existe {destino.name})")
        elif partes.fragment and destino.suffix == ".html":
            anclas = {e.get("id") for e in sopa(destino).find_all(id=True)} | {e.get("name") for e in sopa(destino).find_all(attrs={"name": True})}
            if not {partes.fragment, unquote(partes.fragment)} & anclas:  # como el navegador: tal cual o decodificada
                rotos.append(f"{enlace} (no hay ancla #{unquote(partes.fragment)})")
    return rotos


@pytest.mark.parametrize("archivo", PAGINAS)
def test_pagina_en_el_navegador(archivo, sitio, servidor, pestana):
    pagina = pestana.pagina
    respuesta = pagina.goto(servidor + archivo)
    assert respuesta.ok, f"{archivo}: HTTP {respuesta.status}"
    assert pagina.evaluate(ESPERAR_MATHJAX), "MathJax no se cargó desde recursos/mathjax/"
    estado = pagina.evaluate(ESTADO, "main")
    assert not estado["rotas"] and not estado["cargando"], f"imágenes que no cargan en {archivo}: {estado['rotas']}"
    if tiene_formulas(FUENTES[archivo]):
        assert estado["formulas"] and not estado["errores_tex"], f"fórmulas sin componer o con errores: {estado}"
        assert not estado["sueltos"], f"texto con «$» sin componer: {estado['sueltos'][:5]}"
    assert not pestana.fallidas, f"recursos que no cargaron: {pestana.fallidas}"
    assert not pestana.externas, f"peticiones a internet (el sitio debe leerse sin red): {pestana.externas}"
    enlaces = pagina.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not (rotos := enlaces_rotos(sitio, servidor, enlaces)), f"enlaces internos rotos en {archivo}: {rotos}"
    if archivo == CAPTURA:
        guardar_captura(pagina, "sitio.png")


def test_el_sitio_no_publica_scripts_ni_manejadores(tmp_path):
    # Como JupyterLab y GitHub con el HTML que no es de confianza (Markdown y salidas text/html).
    from sitio.construir import sanear

    html = """<main>
      <p>Texto <script>alert(1)</script><img src="x.png" onerror="alert(2)" alt="x"></p>
      <iframe src="https://example.com"></iframe><object data="x.swf"></object>
      <a href="javascript:alert(3)">a</a><a href=" JaVa&#x09;script:alert(4)">b</a><a href="notas.md">c</a>
      <a href="data:text/html,<script>alert(5)</script>">d</a><div onclick="alert(6)" class="salida">e</div>
      <img src="data:image/png;base64,iVBORw0KGgo=" alt="gráfico"><svg><script>alert(7)</script></svg>
    </main>"""
    sopa_ = BeautifulSoup(html, "html.parser")
    avisos = sanear(sopa_.find("main"), "01_prueba.ipynb")
    limpio = str(sopa_)
    for peligro in ("<script", "onerror", "onclick", "<iframe", "<object", "javascript", "data:text/html"):
        assert peligro not in limpio.lower(), peligro
    assert 'href="notas.md"' in limpio and 'src="x.png"' in limpio and 'src="data:image/png;base64' in limpio
    assert 'class="salida"' in limpio
    assert any("se quitó <script>" in a for a in avisos) and all(a.startswith("01_prueba.ipynb: ") for a in avisos)


def test_una_construccion_cortada_con_kill_9_no_deja_restos_tras_la_siguiente(tmp_path, monkeypatch, capsys):
    # Un proceso que construye el sitio y muere de golpe (kill -9) a mitad: deja su carpeta temporal.
    import subprocess
    import sys

    from sitio import construir

    destino = tmp_path / "_sitio"
    codigo = (
        "import os, signal, sys\nfrom pathlib import Path\nfrom sitio import construir\n"
        "def cortar(destino):\n"
        "    construir.preparar_destino(destino)\n"
        "    (destino / 'index.html').write_text('a medias')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "construir._construir_en = cortar\n"
        "construir.construir_sitio(Path(sys.argv[1]))\n"
    )
    proceso = subprocess.run([sys.executable, "-c", codigo, str(destino)], cwd=RAIZ, capture_output=True, timeout=120)
    assert proceso.returncode == -9
    restos = [p.name for p in tmp_path.iterdir() if p.name.startswith("._sitio.construyendo-")]
    assert len(restos) == 1 and not destino.exists()
    # Otra cortada antes de escribir nada (vacía), y lo que no es de una construcción, que no se toca.
    (tmp_path / "._sitio.construyendo-abcd1234").mkdir()
    ajena = tmp_path / "._sitio.construyendo-zzzz9999"
    ajena.mkdir()
    (ajena / "notas.txt").write_text("mías")
    (tmp_path / "._sitio.construyendo-enlace1").symlink_to(ajena)

    def construir_deprisa(carpeta):  # la construcción de verdad tarda; aquí solo importa lo de alrededor
        construir.preparar_destino(carpeta)
        (carpeta / "index.html").write_text("entero")
        return construir.Sitio(carpeta, [])

    monkeypatch.setattr(construir, "_construir_en", construir_deprisa)
    sitio = construir.construir_sitio(destino)
    assert (destino / "index.html").read_text() == "entero" and sitio.avisos == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "._sitio.construyendo-enlace1", "._sitio.construyendo-zzzz9999", "_sitio"]
    assert (ajena / "notas.txt").read_text() == "mías"
    salida = capsys.readouterr().out
    assert "Se borraron las carpetas temporales de 2 construcciones cortadas" in salida and restos[0] in salida
    construir.construir_sitio(destino)  # sin restos, no dice nada
    assert "Se borr" not in capsys.readouterr().out
