# Which Keras and TensorFlow run this program: the first cell of each
# notebook, so a reader can compare their versions with the site's.
import keras
import tensorflow as tf

print("Keras", keras.version(), "on TensorFlow", tf.version.VERSION)
