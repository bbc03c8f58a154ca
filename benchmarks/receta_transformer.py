"""¿Ayudan el calentamiento con coseno y el suavizado de etiquetas? La receta «curso» del cuaderno 10, con y sin ellos.

Entrena dos veces el Transformer de la receta de «curso» del cuaderno 10 (vocabulario de 8 000
subpalabras, d_model 256, 4 cabezas, d_ff 512, 2 + 2 bloques, Dropout 0,1, 3 épocas, lotes de 64) con
``benchmarks/entrenar_transformer.py``, con los mismos datos, partición y semillas:

- **receta**: tasa con calentamiento (500 pasos) hasta 1e-3 y coseno, suavizado de etiquetas 0,1;
- **Adam constante**: tasa fija de 5e-4 y sin suavizado (la de la medida que abrió el issue del Transformer).

Mide cada una con ``calidad.py --reservadas`` (las frases reservadas que no decidieron nada) y escribe la
tabla en ``benchmarks/resultados/transformer_receta.md``, que muestra el cuaderno 10. Los paquetes y sus
puntos de control quedan en ``benchmarks/resultados/tmp/receta_transformer/`` (ignorada por git).

Uso, desde la raíz del repositorio (unos 25 min en una CPU de 2 núcleos)::

    python benchmarks/receta_transformer.py --corpus RUTA/A/fra.txt
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
for _ruta in (RAIZ, RAIZ / "benchmarks"):
    if str(_ruta) not in sys.path:
        sys.path.insert(0, str(_ruta))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from argumentos import Analizador, analizar_pronto, comprobar_archivo_de_entrada, comprobar_escribible, entero  # noqa: E402

DIR_TMP = RAIZ / "benchmarks" / "resultados" / "tmp" / "receta_transformer"
COMUNES = ["--tamano-vocabulario", "8000", "--d-model", "256", "--cabezas", "4", "--d-ff", "512", "--capas", "2",
           "--dropout", "0.1", "--batch-size", "64", "--paciencia", "3"]
VARIANTES = {
    "receta (calentamiento 500 pasos + coseno hasta 1e-3, suavizado 0,1)":
        ["--programa", "coseno", "--tasa", "1e-3", "--calentamiento", "500", "--suavizado", "0.1"],
    "Adam constante 5e-4, sin suavizado": ["--programa", "constante", "--tasa", "5e-4", "--suavizado", "0"],
}


def analizador() -> Analizador:
    parser = Analizador(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="fra.txt de Tatoeba (2 o 3 columnas)")
    parser.add_argument("--epocas", type=entero(1), default=3)
    parser.add_argument("--informe", type=Path, default=RAIZ / "benchmarks" / "resultados" / "transformer_receta.md")
    return parser


analizar_pronto(__name__, analizador)


def main(argumentos: list[str] | None = None) -> list[dict]:
    args = analizador().parse_args(argumentos)
    comprobar_archivo_de_entrada(args.corpus, "--corpus")
    comprobar_escribible(args.informe, "--informe")
    import entrenar_transformer

    filas = []
    for i, (nombre, opciones) in enumerate(VARIANTES.items()):
        carpeta = DIR_TMP / f"variante_{i + 1}"
        cifras = entrenar_transformer.main([
            "--corpus", str(args.corpus), *COMUNES, *opciones, "--epocas", str(args.epocas),
            "--salida", str(carpeta / "paquete"), "--trabajo", str(carpeta / "trabajo"),
            "--curva", str(carpeta / "curva.png"), "--informe", str(carpeta / "calidad.md")])
        extra = json.loads((carpeta / "paquete" / "metadatos.json").read_text(encoding="utf-8"))["extra"]
        filas.append({"variante": nombre, **cifras, "epocas": extra["epocas"], "mejor_epoca": extra["mejor_epoca"],
                      "minutos": round(extra["segundos"] / 60, 1), "parametros": extra["parametros"]})
    parametros = f"{filas[0]['parametros']:,}".replace(",", " ")
    lineas = [
        "# El Transformer de «curso»: calentamiento con coseno y suavizado de etiquetas, medidos",
        "",
        f"- Orden: `python benchmarks/receta_transformer.py --corpus RUTA/A/{args.corpus.name} --epocas {args.epocas}`",
        f"- Mismos datos, partición, semillas y modelo ({parametros} parámetros; opciones comunes: "
        f"`{' '.join(COMUNES)}`); {filas[0]['frases']} frases inglesas reservadas que no decidieron nada, con todas sus "
        "referencias; decodificación voraz. Minutos: las épocas de entrenamiento, sin preparar los datos ni traducir las "
        "frases de parada, en esta máquina y con lo que estuviera ejecutándose a la vez.",
        "",
        "| variante | épocas (elegida) | chrF | BLEU | exactas (%) | terminan (%) | min de entrenamiento |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for f in filas:
        lineas.append(f"| {f['variante']} | {f['epocas']} ({f['mejor_epoca']}) | {f['chrf']:.1f} | {f['bleu']:.1f} | "
                      f"{f['exactas_pct']:.1f} | {f['terminan_pct']:.1f} | {f['minutos']:.1f} |")
    args.informe.write_text("\n".join(lineas) + "\n", encoding="utf-8")
    print("\n".join(lineas))
    return filas


if __name__ == "__main__":
    main()
