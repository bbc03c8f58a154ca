"""Los informes de benchmarks/ no dan por cumplido un objetivo medido en una ejecución que falló."""

import importlib.util

from utils.configuracion import RAIZ


def cargar(nombre: str):
    especificacion = importlib.util.spec_from_file_location(nombre, RAIZ / "benchmarks" / f"{nombre}.py")
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    return modulo


def test_el_tiempo_de_las_pruebas_solo_cuenta_si_pasan():
    benchmark = cargar("benchmark")
    fallida = {"segundos": 120, "resumen": "31 failed, 511 passed in 120s", "codigo": 1}
    objetivo, medido, cumple = benchmark.fila_de_pruebas(fallida)
    assert cumple is None and medido.startswith("no medido") and "31 failed" in medido
    assert benchmark.marca(cumple) == "— sin medir"
    verde = {"segundos": 120, "resumen": "542 passed in 120s", "codigo": 0}
    assert benchmark.fila_de_pruebas(verde)[2] is True
    assert benchmark.fila_de_pruebas({**verde, "segundos": 3600})[2] is False
    assert benchmark.marca(True) == "✔ cumple" and benchmark.marca(False) == "✘ no cumple"


def test_la_orden_de_calidad_mide_frases_no_vistas_o_solo_las_vistas(capsys):
    import json

    import pytest

    from utils import modelos
    from utils.datos import CORPUS_CURSO

    calidad = cargar("calidad")
    preentrenado = modelos.cargar_preentrenado()
    cifras = calidad.main(["--frases", "30"])
    ultima = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(ultima) == cifras and cifras["frases"] == 30
    assert cifras["saltadas"].get("vistas al entrenar", 0) > 0 and 0 <= cifras["chrf"] <= 100
    vistas = calidad.evaluar(modelos.DIR_PREENTRENADO, CORPUS_CURSO, frases=12, solo_vistas=True)
    frases = [ingles for ingles, _, _ in vistas["ejemplos"]]
    assert len(frases) == 12 and all(preentrenado.vio(f) for f in frases)
    assert vistas["cifras"]["saltadas"]["no vistas al entrenar"] > 0
    with pytest.raises(SystemExit, match="se excluyen"):
        calidad.main(["--solo-vistas", "--reservadas"])


def test_el_informe_de_parada_temprana_dice_que_epoca_elegiria_la_parada(tmp_path):
    parada_temprana = cargar("parada_temprana")
    perdidas = [2.0, 1.5, 1.2, 1.3, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35]  # mínimo en la época 5
    filas = [{"epoca": i + 1, "loss": 1.0, "val_loss": p, "val_acc": 0.5} for i, p in enumerate(perdidas)]
    for i, chrf in ((3, 20.0), (7, 25.0), (9, 24.0)):
        filas[i].update(chrf_val=chrf, exactas_val=0.0, terminan=100.0, chrf_ent=chrf + 5, exactas_ent=1.0)
    registro = {"orden": "…", "fecha": "hoy", "datos": "d", "modelo": "m", "maquina": "x", "filas": filas}
    salida, grafico = tmp_path / "informe.md", tmp_path / "grafico.png"
    parada_temprana.escribir_informe(registro, salida, grafico, paciencia=3)
    texto = salida.read_text(encoding="utf-8")
    assert "pararía en la época 8 y se quedaría con los pesos de la **5**" in texto
    assert "la época **8** (25.0)" in texto and grafico.stat().st_size > 0
    assert texto.count("\n| ") == 1 + 3  # cabecera y las tres épocas medidas


def test_el_informe_de_parada_temprana_simula_la_parada_por_chrf(tmp_path):
    """Medida cada época con el chrF de las frases de parada: se simula ParadaPorChrF tal cual."""
    parada_temprana = cargar("parada_temprana")
    perdidas = [2.0, 1.5, 1.2, 1.3, 1.35, 1.4, 1.45, 1.5]  # mínimo en la época 3: la pérdida pararía en la 6
    chrf_parada = [10.0, 15.0, 18.0, 21.0, 20.0, 22.0, 21.5, 21.0]  # mejor en la 6; con paciencia 3 no para
    filas = [{"epoca": i + 1, "loss": 1.0, "val_loss": p, "val_acc": 0.5, "chrf_val": c - 1, "exactas_val": 0.0,
              "terminan": 100.0, "chrf_ent": c + 5, "exactas_ent": 10.0 * i, "chrf_parada": c}
             for i, (p, c) in enumerate(zip(perdidas, chrf_parada))]
    registro = {"orden": "…", "fecha": "hoy", "datos": "d", "modelo": "m", "maquina": "x", "filas": filas}
    salida, grafico = tmp_path / "informe.md", tmp_path / "grafico.png"
    parada_temprana.escribir_informe(registro, salida, grafico, paciencia=3)
    texto = salida.read_text(encoding="utf-8")
    assert "pararía en la época 6 y se quedaría con los pesos de la **3** (chrF de validación 17.0, exactas de entrenamiento 20.0 %)" in texto
    assert "paciencia 3 sobre el chrF de las frases de parada) no pararía en estas 8 épocas y se quedaría con los pesos de la **6**" in texto
    assert "la época **6** (21.0)" in texto and texto.count("\n| ") == 1 + 8


def test_las_frases_de_parada_del_preentrenado_no_se_miden():
    """Las frases reservadas que deciden cuándo parar (su chrF) salen de la parte que mide ``--reservadas``."""
    import numpy as np

    from utils import modelos
    from utils.datos import CORPUS_CURSO, leer_pares

    calidad = cargar("calidad")
    ingles = leer_pares(CORPUS_CURSO, mostrar_resumen=False).ingles
    sin_parada = {"tipo": "por frase inglesa", "fraccion": 0.2, "semilla": 42}
    medidos, parada = calidad.partir_reservados(ingles, sin_parada)
    _, reservados = modelos.indices_de_validacion(ingles, 0.2, 42)
    assert np.array_equal(medidos, reservados) and len(parada) == 0, "sin parada se mide toda la parte reservada"
    medidos, parada = calidad.partir_reservados(ingles, {**sin_parada, "parada": {"fraccion": 0.3}})
    assert sorted([*medidos, *parada]) == sorted(reservados), "las dos partes cubren la reservada"
    frases_medidas, frases_parada = {ingles[i] for i in medidos}, {ingles[i] for i in parada}
    assert frases_parada and not frases_medidas & frases_parada, "por frase inglesa: ninguna en las dos"
    assert 0.25 < len(frases_parada) / len(frases_medidas | frases_parada) < 0.35


def test_reservadas_con_pares_mide_la_validacion_de_esos_primeros_pares(tmp_path):
    """El paquete de la receta del cuaderno 04 (``datos/receta/``) se entrenó con los primeros pares del archivo."""
    import json

    from utils import modelos, paquetes
    from utils.configuracion import obtener_configuracion
    from utils.datos import CORPUS_CURSO, preparar_ids

    calidad = cargar("calidad")
    config = obtener_configuracion("prueba")
    datos = preparar_ids(config, ruta=CORPUS_CURSO, num_pares=400)
    _, validacion = modelos.indices_de_validacion(datos.input_texts, 0.2, 42)
    sin_entrenar = modelos.construir_modelo_ligero(datos.vocab.num_encoder_tokens, datos.vocab.num_decoder_tokens, 8)
    registro = {"corpus": CORPUS_CURSO.name, "corpus_sha256": calidad.sha256(CORPUS_CURSO), "pares": 400,
                "particion": {"tipo": "por frase inglesa (particion_de_la_receta)", "pares": 400, "fraccion": 0.2, "semilla": 42},
                "entrenamiento": 300, "epocas": 1, "mejor_epoca": 1, "segundos": 1, "historia": {"loss": [1.0]}}
    carpeta = paquetes.guardar_modelo(sin_entrenar, datos.vocab, config, tmp_path / "receta", archivos={
        paquetes.ARCHIVO_ENTRENAMIENTO: json.dumps(registro).encode("utf-8")})
    resultado = calidad.evaluar(carpeta, CORPUS_CURSO, reservadas=True)
    esperadas = {datos.input_texts[i] for i in validacion}
    assert resultado["cifras"]["frases"] == len(esperadas) and {t for t, _, _ in resultado["ejemplos"]} == esperadas
    assert "sus primeros 400 pares" in resultado["descripcion"]
