"""Paquete compartido del curso *seq2seq* con Keras 3.

Un módulo por etapa del flujo de trabajo, en el orden en que el curso las enseña:

- ``configuracion``: rutas, semillas y las dos configuraciones (curso y prueba).
- ``datos``: lectura del corpus, descarga con caché, vocabularios y vectorización.
- ``modelos``: el modelo de entrenamiento, la receta que aprende, los de inferencia y el preentrenado.
- ``paquetes``: guardar, comprobar y cargar los modelos de todo el curso (caracteres en 03 y 04,
  palabras en 08, palabras con atención en 09 y el Transformer en 10).
- ``decodificacion``: de la entrada del codificador al texto (voraz, frase a frase y por lotes).
- ``graficos``: curvas de entrenamiento y probabilidades de la decodificación.
- ``evaluacion``: exactitud, coincidencia exacta, chrF y BLEU (a mano y con sacrebleu).
- ``palabras``: el traductor de palabras (cuaderno 08): tokens, vocabulario con ``unk``, *embeddings*,
  GRU de varias capas y su inferencia.
- ``atencion``: la atención de Luong, el modelo que la usa, su decodificación y la calidad por longitud.
- ``transformer``: el Transformer sobre subpalabras (cuaderno 10): BPE, tokenizador, capas y decodificación.
"""
