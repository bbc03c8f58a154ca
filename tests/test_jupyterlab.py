"""JupyterLab en un navegador de verdad: cada cuaderno, abierto como lo abre un estudiante.

Arranca JupyterLab desde el entorno del curso (``sys.executable -m jupyter lab``) en 127.0.0.1,
con ajustes, espacios de trabajo y directorios de Jupyter temporales, y abre cada
``notebooks/NN_*.ipynb`` en Chromium sin ventana (ver ``tests/navegador.py``). Comprueba que no
aparece ningún diálogo de error, que el núcleo arranca, que todo el texto se muestra, que todas
las imágenes cargan (``naturalWidth > 0``), que MathJax compone las fórmulas y que el código de
las soluciones llega plegado. No ejecuta celdas.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time

import pytest
from navegador import ESTADO, guardar_captura, navegador, pestana, tiene_formulas  # noqa: F401  (fixtures)

from utils.configuracion import DIR_CUADERNOS, RAIZ

CUADERNOS = sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb"))
CAPTURA = CUADERNOS[min(1, len(CUADERNOS) - 1)]  # el primero con teoría, fórmulas y diagramas
ESPERA_S = 120  # lo más que se espera a JupyterLab, a un cuaderno o a su núcleo (2 núcleos compartidos)
# JupyterLab por defecto salvo: sin avisos de noticias ni de versiones nuevas (no hay red) y sin
# autoguardado, para que la prueba nunca reescriba un cuaderno (JupyterLab puede marcarlo como
# modificado al conectar el núcleo).
AJUSTES = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}
CERRAR_SESIONES = """async (token) => {
  const cabeceras = {Authorization: 'token ' + token};
  for (const sesion of await (await fetch('/api/sessions', {headers: cabeceras})).json())
    await fetch('/api/sessions/' + sesion.id, {method: 'DELETE', headers: cabeceras});
}"""


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def esperar_servidor(proceso: subprocess.Popen, carpeta_runtime, registro) -> str:
    """La URL del servidor en cuanto escribe su jpserver-*.json; falla con el registro si no arranca."""
    limite = time.monotonic() + ESPERA_S
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            break
        for archivo in carpeta_runtime.glob("jpserver-*.json"):
            return json.loads(archivo.read_text())["url"]
        time.sleep(0.2)
    final = registro.read_text(encoding="utf-8", errors="replace")[-2000:]
    pytest.fail(f"JupyterLab no arrancó en {ESPERA_S} s (código {proceso.poll()}). Final de su registro:\n{final}")


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """(url, token) de un JupyterLab del entorno del curso, servido desde la raíz del repositorio."""
    carpeta = tmp_path_factory.mktemp("jupyterlab")
    for nombre, valores in AJUSTES.items():
        (carpeta / "ajustes" / nombre).parent.mkdir(parents=True, exist_ok=True)
        (carpeta / "ajustes" / nombre).write_text(json.dumps(valores))
    token = secrets.token_hex(16)
    entorno = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(carpeta / "runtime"),
        "JUPYTER_CONFIG_DIR": str(carpeta / "config"),  # sin la configuración de quien ejecuta las pruebas
        "JUPYTER_DATA_DIR": str(carpeta / "datos"),
    }
    orden = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={puerto_libre()}", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={RAIZ}", f"--LabApp.user_settings_dir={carpeta / 'ajustes'}",
        f"--LabApp.workspaces_dir={carpeta / 'espacios'}", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    registro = carpeta / "jupyterlab.log"
    with registro.open("w") as salida:
        proceso = subprocess.Popen(orden, env=entorno, cwd=RAIZ, stdout=salida, stderr=subprocess.STDOUT)
    try:
        yield esperar_servidor(proceso, carpeta / "runtime", registro), token
    finally:
        proceso.terminate()  # el servidor apaga sus núcleos al terminar
        try:
            proceso.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait()


def codigo_de_soluciones(ruta) -> int:
    """Cuántas celdas de código siguen a «## Soluciones» (todas deben llegar plegadas)."""
    celdas = json.loads(ruta.read_text(encoding="utf-8"))["cells"]
    inicio = next((i for i, c in enumerate(celdas) if c["cell_type"] == "markdown"
                   and "".join(c["source"]).startswith("## Soluciones")), len(celdas))
    return sum(1 for c in celdas[inicio + 1:] if c["cell_type"] == "code")


def esperar_cuaderno(pagina, ruta) -> dict:
    """Espera a que se vean todas las celdas de texto, carguen las imágenes y se compongan las fórmulas."""
    celdas = json.loads(ruta.read_text(encoding="utf-8"))["cells"]
    textos = sum(1 for c in celdas if c["cell_type"] == "markdown" and "".join(c["source"]).strip())
    try:
        pagina.wait_for_function(
            """(n) => [...document.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown')]
                       .filter(e => e.childElementCount > 0).length >= n""",
            arg=textos,
            timeout=ESPERA_S * 1000,
        )
    except Exception:  # playwright.sync_api.TimeoutError (playwright se importa solo si hay navegador)
        dialogos = pagina.evaluate(ESTADO, ".jp-Notebook")["dialogos"]
        pytest.fail(f"JupyterLab no mostró las {textos} celdas de texto de {ruta.name} en {ESPERA_S} s. Diálogos: {dialogos}")
    formulas = tiene_formulas(ruta)
    limite = time.monotonic() + ESPERA_S
    while True:  # MathJax compone en segundo plano: hasta que no quede ningún «$» ni imagen por cargar
        estado = pagina.evaluate(ESTADO, ".jp-Notebook")
        listo = not estado["cargando"] and (not formulas or (estado["formulas"] and not estado["sueltos"]))
        if listo or estado["dialogos"] or time.monotonic() > limite:
            return estado
        pagina.wait_for_timeout(250)


@pytest.mark.parametrize("ruta", CUADERNOS, ids=[c.name for c in CUADERNOS])
def test_jupyterlab_muestra_el_cuaderno(ruta, jupyterlab, pestana):
    url, token = jupyterlab
    pagina = pestana.pagina
    # Un espacio de trabajo por cuaderno: JupyterLab abre solo este, como al hacer doble clic.
    pagina.goto(f"{url}lab/workspaces/{ruta.stem}/tree/notebooks/{ruta.name}?reset&token={token}")
    estado = esperar_cuaderno(pagina, ruta)
    assert not estado["dialogos"], f"JupyterLab mostró un diálogo: {estado['dialogos']}"
    assert estado["imagenes"], "no se ve ninguna imagen, ni siquiera la insignia de Colab"
    assert not estado["rotas"], f"imágenes que no cargan en JupyterLab: {estado['rotas']}"
    if tiene_formulas(ruta):
        assert estado["formulas"] and not estado["errores_tex"], f"fórmulas sin componer o con errores: {estado}"
        assert not estado["sueltos"], f"texto con «$» sin componer: {estado['sueltos'][:5]}"
    indicador = pagina.locator(".jp-Notebook-ExecutionIndicator")
    try:
        indicador.and_(pagina.locator("[data-status='idle']")).wait_for(timeout=ESPERA_S * 1000)
    except Exception:  # playwright.sync_api.TimeoutError
        pytest.fail(f"el núcleo no quedó listo en {ESPERA_S} s (estado: {indicador.get_attribute('data-status')})")
    ocultas = codigo_de_soluciones(ruta)
    if ocultas:  # el código de las soluciones se ve plegado (jupyter.source_hidden), no a la vista
        try:
            pagina.wait_for_function(
                "(n) => document.querySelectorAll('.jp-CodeCell .jp-InputPlaceholder').length >= n",
                arg=ocultas, timeout=ESPERA_S * 1000)
        except Exception:  # playwright.sync_api.TimeoutError
            vistas = pagina.evaluate("() => document.querySelectorAll('.jp-CodeCell .jp-InputPlaceholder').length")
            pytest.fail(f"JupyterLab muestra plegadas {vistas} de las {ocultas} celdas de código de las soluciones")
    if ruta == CAPTURA:
        guardar_captura(pagina, "jupyterlab.png")
        # JupyterLab 4 solo dibuja las celdas que entran en la ventana: se baja al final (las soluciones) y se espera.
        pagina.evaluate("() => document.querySelectorAll('.jp-WindowedPanel-outer').forEach(e => e.scrollTop = e.scrollHeight)")
        pagina.wait_for_timeout(1500)
        pagina.locator(".jp-CodeCell .jp-InputPlaceholder").last.scroll_into_view_if_needed()
        pagina.wait_for_timeout(1000)
        guardar_captura(pagina, "jupyterlab_soluciones.png")  # una solución plegada, como la ve el estudiante
    pagina.evaluate(CERRAR_SESIONES, token)  # apaga el núcleo: siete a la vez cargarían la máquina
