"""Chromium sin ventana para las pruebas de JupyterLab y del sitio (Playwright con el Chromium del sistema).

No descarga ningún navegador: usa el de los paquetes de Debian o Ubuntu (``chromium``) o el que
indique ``SEQ2SEQ_CHROMIUM``. Si no puede arrancarlo, con la variable ``CI`` definida (``.ci/run``
la define) la prueba falla y dice por qué; fuera de CI se salta con el motivo y la orden para
instalarlo. Ninguna página llega a la red: se bloquea todo lo que no sea 127.0.0.1, salvo la
insignia de Colab, que se sirve desde la copia local del sitio.

Con ``SEQ2SEQ_CAPTURAS=imagenes/capturas`` las pruebas guardan ahí las capturas del README.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sitio.construir import DIR_SITIO, INSIGNIA_COLAB

ORDEN_INSTALAR = "sudo apt-get install -y --no-install-recommends chromium"
ARGUMENTOS = [  # los de un Chromium sin ventana en un contenedor, sin tráfico propio
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VENTANA = {"width": 1280, "height": 800}
ESPERA_MS = 120_000  # lo más que se espera a Chromium o a una página (holgado: 2 núcleos compartidos)

# Estado de una página ya mostrada: imágenes rotas, fórmulas compuestas, «$» sin componer, diálogos.
ESTADO = """(raiz) => {
  const zona = document.querySelector(raiz) || document.body;
  const imagenes = [...zona.querySelectorAll('img')];
  const sueltos = [];
  for (const bloque of zona.querySelectorAll('.jp-RenderedMarkdown')) {
    const recorrido = document.createTreeWalker(bloque, NodeFilter.SHOW_TEXT);
    for (let nodo; (nodo = recorrido.nextNode());) {
      const fuera = !nodo.parentElement.closest('code, pre, script, style, mjx-container, .MathJax, .MathJax_Preview');
      if (fuera && nodo.textContent.includes('$')) sueltos.push(nodo.textContent.trim().slice(0, 80));
    }
  }
  return {
    imagenes: imagenes.length,
    cargando: imagenes.filter(i => !i.complete).length,
    rotas: imagenes.filter(i => i.complete && i.naturalWidth === 0).map(i => (i.getAttribute('src') || '').slice(0, 100)),
    formulas: zona.querySelectorAll('mjx-container, span.MathJax, span.MathJax_SVG').length,
    errores_tex: [...zona.querySelectorAll('mjx-merror, .MathJax .merror')].map(e => e.textContent.slice(0, 80)),
    sueltos,
    dialogos: [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText.trim().slice(0, 300)),
  };
}"""


def tiene_formulas(ruta: Path) -> bool:
    """¿Tiene el texto de un cuaderno (o de un Markdown) alguna fórmula entre «$»?"""
    if ruta.suffix == ".ipynb":
        celdas = json.loads(ruta.read_text(encoding="utf-8"))["cells"]
        texto = "\n".join("".join(c["source"]) for c in celdas if c["cell_type"] == "markdown")
    else:
        texto = ruta.read_text(encoding="utf-8")
    return re.search(r"\$[^$\n]+\$", texto) is not None


def ruta_chromium() -> str | None:
    """El Chromium de ``SEQ2SEQ_CHROMIUM`` o el primero que haya en el PATH."""
    if os.environ.get("SEQ2SEQ_CHROMIUM"):
        return os.environ["SEQ2SEQ_CHROMIUM"]
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


def sin_navegador(motivo: str) -> None:
    """En CI, falla diciendo por qué; fuera de CI, salta la prueba con el motivo y cómo instalarlo."""
    mensaje = f"No se puede arrancar Chromium para la prueba del navegador: {motivo}"
    if os.environ.get("CI"):
        pytest.fail(f"{mensaje} En CI esta prueba es obligatoria: instala chromium ({ORDEN_INSTALAR}).", pytrace=False)
    pytest.skip(f"{mensaje} Instálalo con «{ORDEN_INSTALAR}» o indica su ruta en SEQ2SEQ_CHROMIUM.")


@pytest.fixture(scope="module")
def navegador():
    """Un Chromium sin ventana, con un perfil nuevo (Playwright crea uno temporal en cada arranque)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        sin_navegador("falta el paquete playwright; instala requirements.txt.")
    ejecutable = ruta_chromium()
    if ejecutable is None:
        sin_navegador("no hay ningún chromium en el PATH.")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=ejecutable, args=ARGUMENTOS, timeout=ESPERA_MS)
    except Error as error:
        playwright.stop()
        sin_navegador(f"{ejecutable} no arrancó: {' '.join(str(error).split())[:500]}")
    yield chromium
    chromium.close()
    playwright.stop()


@dataclass
class Pestana:
    """Una pestaña sin red y lo que pasó al cargarla."""

    pagina: object  # playwright.sync_api.Page
    externas: list[str] = field(default_factory=list)  # peticiones fuera de 127.0.0.1, bloqueadas
    fallidas: list[str] = field(default_factory=list)  # recursos locales que no llegaron


@pytest.fixture
def pestana(navegador):
    """Una pestaña nueva (contexto propio, sin cookies de otras pruebas) que no llega a la red."""
    contexto = navegador.new_context(viewport=VENTANA, locale="es-ES")
    contexto.set_default_timeout(ESPERA_MS)
    pestana = Pestana(contexto.new_page())

    def fuera(ruta):
        if ruta.request.url == INSIGNIA_COLAB:  # la copia local de la insignia, en lugar de Google
            ruta.fulfill(path=DIR_SITIO / "recursos" / "colab-badge.svg", content_type="image/svg+xml")
        else:
            pestana.externas.append(ruta.request.url)
            ruta.abort()

    def fallida(peticion):
        # MathJax 2 comprueba las fuentes con una «fuente» vacía (about:blank): no es un recurso del sitio.
        if peticion.url.startswith("http://127.0.0.1"):
            pestana.fallidas.append(f"{peticion.url} ({peticion.failure})")

    contexto.route(lambda url: not url.startswith("http://127.0.0.1"), fuera)
    pestana.pagina.on("requestfailed", fallida)
    pestana.pagina.on("response", lambda r: r.status >= 400 and pestana.fallidas.append(f"{r.url} (HTTP {r.status})"))
    yield pestana
    contexto.close()


def guardar_captura(pagina, nombre: str) -> None:
    """Guarda una captura de la ventana en ``SEQ2SEQ_CAPTURAS`` (si está definida), en PNG de 256 colores."""
    carpeta = os.environ.get("SEQ2SEQ_CAPTURAS")
    if not carpeta:
        return
    from PIL import Image

    ruta = Path(carpeta) / nombre
    ruta.parent.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=ruta)
    Image.open(ruta).convert("RGB").quantize(colors=256).save(ruta, optimize=True)
    # De qué curso es la captura: test_readme.py::test_las_capturas_son_del_curso_actual la compara con el de hoy.
    registro = ruta.parent / ARCHIVO_DE_CAPTURAS
    capturas = json.loads(registro.read_text(encoding="utf-8")) if registro.is_file() else {}
    capturas[nombre] = lecciones_del_curso()
    registro.write_text(json.dumps(capturas, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


ARCHIVO_DE_CAPTURAS = "capturas.json"  # junto a las capturas: las lecciones del curso cuando se hizo cada una


def lecciones_del_curso() -> list[str]:
    """Los cuadernos del curso, en orden: lo que una captura del sitio o de JupyterLab enseña en su índice."""
    from utils.configuracion import DIR_CUADERNOS

    return [c.name for c in sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb"))]
