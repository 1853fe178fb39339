package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A logistic regression over {@link CommentFeatures} for one language: the probability that a
 * comment is a complaint, learnt from labelled comments. Its weights belong to the features of the
 * comments it was trained on and to nothing else: a feature no training comment has weighs nothing.
 * Immutable and thread-safe once built.
 */
final class ComplaintModel {
  /** How a model is trained; {@link #STANDARD} is what the classifier uses. */
  record Settings(double l2, int epochs, double learningRate) {
    static final Settings STANDARD = new Settings(1e-4, 10, 0.5);
  }

  /** One labelled comment, as features. */
  record Example(long[] features, boolean negative) {}

  private final CommentFeatures features;
  private final long[] keys;
  private final float[] weights;
  private final double bias;

  private ComplaintModel(CommentFeatures features, long[] keys, float[] weights, double bias) {
    this.features = features;
    this.keys = keys;
    this.weights = weights;
    this.bias = bias;
  }

  /** The probability that a lower-cased plain comment is a complaint. */
  double probability(String plain) {
    return probability(features.of(plain));
  }

  double probability(long[] comment) {
    if (comment.length == 0) {
      return sigmoid(bias);
    }
    double sum = 0;
    for (long feature : comment) {
      int at = Arrays.binarySearch(keys, feature);
      if (at >= 0) {
        sum += weights[at];
      }
    }
    return sigmoid(bias + sum / Math.sqrt(comment.length));
  }

  /** The comment's features as this model reads them (a lower-cased plain comment). */
  long[] features(String plain) {
    return features.of(plain);
  }

  /**
   * The share of the comment's features that this model has a weight for, 0 to 1: how much of the
   * comment looks like its training comments. A comment in the model's language shares most of its
   * word parts with them; one in another language few.
   */
  double known(long[] comment) {
    if (comment.length == 0) {
      return 0;
    }
    int known = 0;
    for (long feature : comment) {
      if (Arrays.binarySearch(keys, feature) >= 0) {
        known++;
      }
    }
    return (double) known / comment.length;
  }

  /** The features this model has a weight for, sorted: those of its training comments. */
  long[] vocabulary() {
    return keys.clone();
  }

  /** The bytes its arrays take on the heap (keys and weights). */
  long heapBytes() {
    return 8L * keys.length + 4L * weights.length;
  }

  /**
   * Trains on the examples by stochastic gradient descent (AdaGrad steps, L2 penalty), visiting
   * them in an order drawn from a fixed seed: the same examples give the same model.
   */
  static ComplaintModel train(CommentFeatures features, List<Example> examples, Settings settings) {
    long[] keys = vocabulary(examples);
    int[][] rows = new int[examples.size()][];
    double[] scale = new double[examples.size()];
    for (int i = 0; i < rows.length; i++) {
      long[] f = examples.get(i).features();
      rows[i] = new int[f.length];
      for (int j = 0; j < f.length; j++) {
        rows[i][j] = Arrays.binarySearch(keys, f[j]);
      }
      scale[i] = f.length == 0 ? 0 : 1 / Math.sqrt(f.length);
    }
    double[] w = new double[keys.length];
    double[] g2 = new double[keys.length];
    double bias = 0;
    double biasG2 = 0;
    Integer[] order = new Integer[rows.length];
    Arrays.setAll(order, i -> i);
    Random random = new Random(17);
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      java.util.Collections.shuffle(Arrays.asList(order), random);
      for (int i : order) {
        double z = bias;
        for (int k : rows[i]) {
          z += w[k] * scale[i];
        }
        double error = sigmoid(z) - (examples.get(i).negative() ? 1 : 0);
        for (int k : rows[i]) {
          double g = error * scale[i] + settings.l2() * w[k];
          g2[k] += g * g;
          w[k] -= settings.learningRate() * g / Math.sqrt(g2[k] + 1e-8);
        }
        biasG2 += error * error;
        bias -= settings.learningRate() * error / Math.sqrt(biasG2 + 1e-8);
      }
    }
    float[] weights = new float[w.length];
    for (int k = 0; k < w.length; k++) {
      weights[k] = (float) w[k];
    }
    return new ComplaintModel(features, keys, weights, bias);
  }

  private static long[] vocabulary(List<Example> examples) {
    List<long[]> all = new ArrayList<>();
    int total = 0;
    for (Example e : examples) {
      all.add(e.features());
      total += e.features().length;
    }
    long[] keys = new long[total];
    int at = 0;
    for (long[] f : all) {
      System.arraycopy(f, 0, keys, at, f.length);
      at += f.length;
    }
    Arrays.sort(keys);
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        keys[n++] = keys[i];
      }
    }
    return Arrays.copyOf(keys, n);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
