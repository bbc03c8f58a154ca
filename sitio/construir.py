"""Construye el sitio web del curso con los cuadernos tal como están guardados (sin ejecutarlos).

Uso, desde la raíz del repositorio y con el entorno de ``requirements.txt``:

    python sitio/construir.py                  # escribe el sitio en _sitio/
    python sitio/construir.py --destino DIR    # en otra carpeta
    python sitio/construir.py --estricto       # termina con error si hay enlaces o imágenes rotos

La portada es el README; cada cuaderno ``notebooks/NN_*.ipynb`` es una lección, en orden, con
sus salidas guardadas (las que comprueba nbval), el índice de lecciones, los enlaces a la
anterior y la siguiente y su insignia de Colab. MathJax, el CSS y la insignia se copian en el
propio sitio, de modo que se lee sin red. Es una carpeta de archivos estáticos: se publica
tal cual (por ejemplo, en GitHub Pages; ver el README).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

RAIZ = Path(__file__).resolve().parent.parent
if str(RAIZ) not in sys.path:  # al ejecutarlo como script, para importar utils/
    sys.path.insert(0, str(RAIZ))

import nbformat  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402
from jupyter_core.paths import jupyter_path  # noqa: E402
from nbconvert import HTMLExporter  # noqa: E402

from benchmarks.argumentos import Analizador, comprobar_carpeta_escribible  # noqa: E402
from utils.configuracion import DIR_CUADERNOS, URL_REPOSITORIO, avisar  # noqa: E402

DIR_SITIO = Path(__file__).resolve().parent
DESTINO_POR_DEFECTO = RAIZ / "_sitio"
MARCA = ".sitio-del-curso"  # una carpeta con este archivo la escribió este script y se puede rehacer
INSIGNIA_COLAB = "https://colab.research.google.com/assets/colab-badge.svg"
INSIGNIA_LOCAL = "recursos/colab-badge.svg"  # copia propia: el sitio y las pruebas no usan la red
SECCION_LICENCIAS = "## Datos y licencias"  # sección del README que se repite en licencia.html


@dataclass(frozen=True)
class Pagina:
    """Una página del sitio y el archivo del repositorio del que sale."""

    fuente: Path
    archivo: str  # nombre de la página dentro del sitio
    titulo: str  # el título «# …» de la fuente
    corto: str  # el título hasta los dos puntos, para la navegación


@dataclass
class Sitio:
    """Lo construido: la carpeta, sus páginas y los avisos (enlaces o imágenes rotos)."""

    destino: Path
    paginas: list[Pagina]
    avisos: list[str] = field(default_factory=list)


def titulo_de(markdown: str, origen: str) -> str:
    """El primer título «# …» de un texto Markdown, sin asteriscos ni acentos graves."""
    encontrado = re.search(r"^# (.+)$", markdown, flags=re.M)
    if encontrado is None:
        raise ValueError(f"{origen} no tiene un título «# …»: añádelo al principio (en la primera celda de texto).")
    return re.sub(r"[*`]", "", encontrado.group(1)).strip()


def lecciones() -> list[Pagina]:
    """Una página por cuaderno ``notebooks/NN_*.ipynb``, en orden de lectura."""
    paginas = []
    for ruta in sorted(DIR_CUADERNOS.glob("[0-9][0-9]_*.ipynb")):
        cuaderno = nbformat.read(ruta, as_version=4)
        texto = next((c.source for c in cuaderno.cells if c.cell_type == "markdown"), "")
        titulo = titulo_de(texto, f"El cuaderno {ruta.name}")
        paginas.append(Pagina(ruta, ruta.with_suffix(".html").name, titulo, titulo.split(":")[0].strip()))
    if not paginas:
        raise FileNotFoundError(f"No hay cuadernos NN_*.ipynb en {DIR_CUADERNOS}: ejecuta el script desde un clon completo.")
    return paginas


def cuaderno_de_markdown(texto: str) -> nbformat.NotebookNode:
    """Un cuaderno de una sola celda de texto, para el README y las licencias."""
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(texto)])


def texto_de_licencias(readme: str) -> str:
    """La página de licencias: la sección del README sobre datos y licencias y el archivo LICENSE."""
    seccion = re.search(rf"^{SECCION_LICENCIAS}\n(.*?)(?=^## |\Z)", readme, flags=re.M | re.S)
    if seccion is None:
        raise ValueError(f"El README no tiene la sección «{SECCION_LICENCIAS}»: el sitio la muestra en licencia.html.")
    licencia = (RAIZ / "LICENSE").read_text(encoding="utf-8")
    return f"# Licencias\n\n{seccion.group(1).strip()}\n\n## El archivo LICENSE\n\n```text\n{licencia}```\n"


def comprobar_destino(destino: Path) -> None:
    """Antes de construir: ``destino`` no existe, está vacía o es un sitio de este script (nunca otra cosa)."""
    if destino.is_symlink() or (destino.exists() and not destino.is_dir()):
        raise FileExistsError(f"{destino.name!r} ya existe y no es una carpeta: elige otra carpeta con --destino.")
    for superior in destino.parents:
        if superior.exists() and not superior.is_dir():
            raise NotADirectoryError(f"no se puede crear el sitio en {destino.name!r}: {superior.name!r} es un archivo, "
                                     "no una carpeta. Elige otra carpeta con --destino.")
    if destino.exists() and any(destino.iterdir()) and not (destino / MARCA).is_file():
        raise FileExistsError(
            f"{destino} ya existe y no es un sitio construido por este script: "
            "elige otra carpeta con --destino o vacíala tú."
        )


def preparar_destino(destino: Path) -> None:
    """Crea la carpeta (temporal) donde se construye el sitio, con su marca."""
    destino.mkdir(parents=True, exist_ok=True)
    (destino / MARCA).write_text("Carpeta escrita por sitio/construir.py: se rehace en cada construcción.\n")
    (destino / ".nojekyll").touch()  # GitHub Pages: servir los archivos tal cual, sin Jekyll


def copiar_recursos(destino: Path) -> None:
    """CSS, insignia de Colab, el CSS de JupyterLab y MathJax, dentro del sitio."""
    recursos = destino / "recursos"
    shutil.copytree(DIR_SITIO / "recursos", recursos)
    lab = next((Path(d) / "lab" / "static" for d in jupyter_path("nbconvert", "templates")
                if (Path(d) / "lab" / "static" / "index.css").is_file()), None)
    if lab is None:
        raise FileNotFoundError("No encuentro la plantilla «lab» de nbconvert: instala requirements.txt.")
    shutil.copy2(lab / "index.css", recursos / "jupyterlab.css")
    shutil.copy2(lab / "theme-light.css", recursos / "jupyterlab-tema-claro.css")
    try:
        import jupyter_server_mathjax
    except ImportError as error:
        raise ImportError(
            "Falta el paquete jupyter-server-mathjax, que trae MathJax para ver las fórmulas sin red: "
            "instala requirements.txt."
        ) from error
    idiomas = {"es", "en"}  # MathJax trae 40 traducciones de sus menús; el sitio usa la española

    def otras_traducciones(carpeta: str, nombres: list[str]) -> list[str]:
        return [n for n in nombres if n not in idiomas] if Path(carpeta).name == "localization" else []

    origen = Path(jupyter_server_mathjax.__file__).parent / "static"
    shutil.copytree(origen, recursos / "mathjax", ignore=otras_traducciones)


def ruta_en_repositorio(referencia: str, fuente: Path) -> tuple[Path, str] | None:
    """Archivo del repositorio y ancla de un enlace relativo; None si es externo o solo un ancla."""
    partes = urlsplit(referencia)
    if partes.scheme or partes.netloc or not partes.path:
        return None
    return (fuente.parent / unquote(partes.path)).resolve(), partes.fragment


def ajustar_enlace(href: str, fuente: Path, destinos: dict[Path, str], sitio: Sitio) -> str:
    """Un cuaderno o el README → su página; otro archivo del repositorio → GitHub."""
    ruta = ruta_en_repositorio(href, fuente)
    if ruta is None:
        return href
    objetivo, ancla = ruta
    sufijo = f"#{ancla}" if ancla else ""
    if objetivo in destinos:
        return destinos[objetivo] + sufijo
    if not objetivo.exists() or not objetivo.is_relative_to(RAIZ):
        sitio.avisos.append(f"{fuente.name}: el enlace {href!r} no lleva a ningún archivo del repositorio; corrígelo.")
        return href
    tipo = "tree" if objetivo.is_dir() else "blob"
    return f"{URL_REPOSITORIO}/{tipo}/main/{objetivo.relative_to(RAIZ).as_posix()}{sufijo}"


def copiar_imagen(src: str, fuente: Path, sitio: Sitio) -> str:
    """Copia en el sitio una imagen del repositorio y devuelve su ruta en él."""
    if src == INSIGNIA_COLAB:
        return INSIGNIA_LOCAL
    ruta = ruta_en_repositorio(src, fuente)
    if ruta is None:
        if not src.startswith("data:"):
            sitio.avisos.append(
                f"{fuente.name}: la imagen {src} está fuera del repositorio y no se verá sin red; "
                "guárdala en imagenes/ y enlázala con una ruta relativa."
            )
        return src
    objetivo = ruta[0]
    if not objetivo.is_file() or not objetivo.is_relative_to(RAIZ):
        sitio.avisos.append(f"{fuente.name}: la imagen {src!r} no existe; corrige la ruta o añade el archivo.")
        return src
    relativa = objetivo.relative_to(RAIZ).as_posix()
    (sitio.destino / relativa).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(objetivo, sitio.destino / relativa)
    return relativa


# Lo que el sitio nunca publica de un cuaderno, como hacen JupyterLab y GitHub con el HTML que no es de
# confianza: código que se ejecuta al abrir la página (scripts, manejadores on…, enlaces javascript:) y
# contenido incrustado de otros sitios.
ETIQUETAS_PROHIBIDAS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
                        "form", "noscript", "template")
ATRIBUTOS_CON_URL = ("href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset")
ESQUEMAS_PROHIBIDOS = ("javascript:", "vbscript:", "data:")


def _url_peligrosa(valor: str, etiqueta: str, atributo: str) -> bool:
    """``True`` si la URL ejecutaría código (``javascript:``…) o incrustaría HTML (``data:``, salvo imágenes en ``img``)."""
    limpia = re.sub(r"[\x00-\x20]+", "", valor).lower()  # «java script:», «\tjavascript:» también cuentan
    if etiqueta == "img" and atributo == "src" and limpia.startswith("data:image/") and not limpia.startswith("data:image/svg"):
        return False
    return limpia.startswith(ESQUEMAS_PROHIBIDOS)


def sanear(contenido, origen: str) -> list[str]:
    """Quita del HTML de un cuaderno lo que ejecutaría código o incrustaría otra página; devuelve qué quitó.

    Se aplica al texto (Markdown) y a las salidas ``text/html``: ``<script>``, ``<iframe>``, ``<object>``…,
    los atributos ``on*`` (``onerror``, ``onclick``…) y ``srcdoc``, y los enlaces ``javascript:``,
    ``vbscript:`` o ``data:`` (salvo imágenes ``data:image/…``, que los cuadernos usan para sus gráficos).
    """
    quitado = []
    for etiqueta in contenido.find_all(ETIQUETAS_PROHIBIDAS):
        quitado.append(f"<{etiqueta.name}>")
        etiqueta.decompose()
    for etiqueta in contenido.find_all(True):
        for atributo in list(etiqueta.attrs):
            nombre = atributo.lower()
            valor = etiqueta.attrs[atributo]
            texto = " ".join(valor) if isinstance(valor, list) else str(valor)
            if nombre.startswith("on") or nombre == "srcdoc" or (
                    nombre in ATRIBUTOS_CON_URL and _url_peligrosa(texto, etiqueta.name, nombre)):
                quitado.append(f"{nombre}= en <{etiqueta.name}>")
                del etiqueta.attrs[atributo]
    return [f"{origen}: se quitó {q} (el sitio no publica código que se ejecute al abrir la página)."
            for q in dict.fromkeys(quitado)]


def escribir_pagina(
    sitio: Sitio, exportador: HTMLExporter, pagina: Pagina, cuaderno: nbformat.NotebookNode, contexto: dict
) -> None:
    """Convierte un cuaderno en una página del sitio y ajusta sus enlaces e imágenes."""
    cuaderno.metadata["title"] = pagina.titulo  # solo en memoria: los cuadernos no se tocan
    html, _ = exportador.from_notebook_node(cuaderno, resources={"curso": {**contexto, "actual": pagina.archivo}})
    sopa = BeautifulSoup(html, "html.parser")
    contenido = sopa.find("main")
    sitio.avisos.extend(sanear(contenido, pagina.fuente.name))
    destinos = {p.fuente: p.archivo for p in sitio.paginas}
    for enlace in contenido.find_all("a", href=True):
        enlace["href"] = ajustar_enlace(enlace["href"], pagina.fuente, destinos, sitio)
    for imagen in contenido.find_all("img", src=True):
        imagen["src"] = copiar_imagen(imagen["src"], pagina.fuente, sitio)
    (sitio.destino / pagina.archivo).write_text(str(sopa), encoding="utf-8")


def _es_resto(ruta: Path, destino: Path) -> bool:
    """``True`` si ``ruta`` es la carpeta temporal de una construcción de ``destino`` que se cortó (``kill -9``,
    un apagón): ``.NOMBRE.construyendo-xxxxxxxx``, vacía o con la marca del sitio (nunca otra cosa)."""
    if ruta.is_symlink() or not ruta.is_dir():
        return False
    if not re.fullmatch(re.escape(f".{destino.name}.construyendo-") + r"[a-z0-9_]{8}", ruta.name):
        return False
    return (ruta / MARCA).is_file() or not any(ruta.iterdir())


def limpiar_restos(destino: Path) -> list[str]:
    """Borra las carpetas temporales que dejaron construcciones de ``destino`` cortadas; devuelve sus nombres."""
    restos = sorted(r for r in destino.parent.iterdir() if _es_resto(r, destino))
    for resto in restos:
        shutil.rmtree(resto)
    return [r.name for r in restos]


@contextlib.contextmanager
def _turno(carpeta: Path):
    """Bloquea ``carpeta`` (la que contiene el sitio) mientras se construye: dos construcciones a la vez se turnan,
    y la segunda no borra como resto la carpeta temporal de la primera. Sin ``fcntl`` (Windows) no bloquea."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    descriptor = os.open(carpeta, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # cerrar el descriptor suelta el bloqueo


def construir_sitio(destino: Path = DESTINO_POR_DEFECTO) -> Sitio:
    """Escribe el sitio completo en ``destino`` y devuelve sus páginas y avisos.

    Antes borra los restos de construcciones cortadas de golpe (``kill -9``): sus carpetas temporales
    ``.NOMBRE.construyendo-xxxxxxxx`` (y ``.NOMBRE.anterior``), y dice cuáles borró.
    """
    destino = Path(destino).resolve()
    comprobar_destino(destino)
    destino.parent.mkdir(parents=True, exist_ok=True)
    with _turno(destino.parent):
        restos = limpiar_restos(destino)
        sitio = _construir_y_reemplazar(destino)
    if restos:  # no es un aviso del sitio (no hace fallar --estricto): solo se informa
        print(f"Se borró la carpeta temporal de una construcción cortada: {restos[0]}." if len(restos) == 1 else
              f"Se borraron las carpetas temporales de {len(restos)} construcciones cortadas: {', '.join(restos)}.")
    return sitio


def _construir_y_reemplazar(destino: Path) -> Sitio:
    """Construye el sitio al lado de ``destino`` y lo pone en su sitio con dos renombrados."""
    # Se construye al lado, en una carpeta temporal, y se pone en su sitio al final: una interrupción
    # (Ctrl-C, un error) deja el sitio anterior entero y no deja restos.
    temporal = Path(tempfile.mkdtemp(prefix=f".{destino.name}.construyendo-", dir=destino.parent))
    try:
        sitio = _construir_en(temporal)
        anterior = destino.with_name(f".{destino.name}.anterior")
        shutil.rmtree(anterior, ignore_errors=True)
        if destino.exists():
            os.replace(destino, anterior)
        os.replace(temporal, destino)
        shutil.rmtree(anterior, ignore_errors=True)
    finally:
        shutil.rmtree(temporal, ignore_errors=True)
    os.chmod(destino, 0o755)  # mkdtemp la crea solo para su dueño
    sitio.destino = destino
    return sitio


def _construir_en(destino: Path) -> Sitio:
    """Escribe todas las páginas y recursos del sitio en ``destino`` (una carpeta vacía)."""
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    nombre = titulo_de(readme, "El README")
    clases = lecciones()
    portada = Pagina(RAIZ / "README.md", "index.html", nombre, "Inicio")
    licencias = Pagina(RAIZ / "LICENSE", "licencia.html", "Licencias", "Licencias")
    glosario = Pagina(RAIZ / "GLOSARIO.md", "glosario.html", "Glosario del curso", "Glosario")
    preparar_destino(destino)
    sitio = Sitio(destino, [portada, *clases, glosario, licencias])
    copiar_recursos(destino)
    (destino / "cuadernos").mkdir()
    exportador = HTMLExporter(
        template_name="curso", extra_template_basedirs=[str(DIR_SITIO / "plantilla")], language_code="es"
    )
    contexto = {"nombre": nombre, "lecciones": clases, "anterior": None, "siguiente": None, "cuaderno": None}
    cadena = [portada, *clases]  # el orden de lectura: «Anterior» y «Siguiente»
    for i, pagina in enumerate(cadena):
        vecinos = {"anterior": cadena[i - 1] if i else None, "siguiente": cadena[i + 1] if i + 1 < len(cadena) else None}
        if pagina is portada:
            cuaderno, descarga = cuaderno_de_markdown(readme), None
        else:
            cuaderno, descarga = nbformat.read(pagina.fuente, as_version=4), f"cuadernos/{pagina.fuente.name}"
            shutil.copy2(pagina.fuente, destino / descarga)
        escribir_pagina(sitio, exportador, pagina, cuaderno, {**contexto, **vecinos, "cuaderno": descarga})
    escribir_pagina(sitio, exportador, glosario, cuaderno_de_markdown(glosario.fuente.read_text(encoding="utf-8")), contexto)
    escribir_pagina(sitio, exportador, licencias, cuaderno_de_markdown(texto_de_licencias(readme)), contexto)
    return sitio


def main(argv: list[str] | None = None) -> int:
    """Orden de línea: construye el sitio y dice dónde está y cómo abrirlo."""
    parser = Analizador(description="Construye el sitio web del curso (archivos estáticos).")
    parser.add_argument("--destino", type=Path, default=DESTINO_POR_DEFECTO, help="carpeta del sitio (por defecto, _sitio/)")
    parser.add_argument("--estricto", action="store_true", help="termina con error si hay enlaces o imágenes rotos")
    args = parser.parse_args(argv)
    comprobar_carpeta_escribible(args.destino.resolve().parent, "--destino")
    try:
        comprobar_destino(args.destino.resolve())
    except OSError as error:
        parser.error(f"--destino: {error}")
    inicio = time.perf_counter()
    sitio = construir_sitio(args.destino)
    for aviso in sitio.avisos:
        avisar(aviso)
    print(
        f"Sitio construido en {sitio.destino} ({len(sitio.paginas)} páginas, {time.perf_counter() - inicio:.1f} s). "
        f"Para verlo: python -m http.server --directory {sitio.destino} 8000 y abre http://127.0.0.1:8000"
    )
    return 1 if args.estricto and sitio.avisos else 0


if __name__ == "__main__":
    sys.exit(main())
