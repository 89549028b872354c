/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdlib.h>

#include "atlas-classify.h"

static void
classify_ok (const double        *values,
             gsize                n,
             AtlasClassifyMethod  method,
             guint                k,
             AtlasClassBreaks    *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_classify (values, n, method, k, NULL, 0, out, &error));
  g_assert_no_error (error);
}

static void
assert_bounds (const AtlasClassBreaks *b,
               const double           *lower,
               const double           *upper,
               guint                   n)
{
  g_assert_cmpuint (b->n_classes, ==, n);
  for (guint c = 0; c < n; c++)
    {
      g_assert_cmpfloat (b->lower[c], ==, lower[c]);
      g_assert_cmpfloat (b->upper[c], ==, upper[c]);
    }
}

static void
test_quantile (void)
{
  const double values[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
  const double ties[] = { 1, 1, 1, 1, 1, 1, 2, 3 };
  AtlasClassBreaks b;

  classify_ok (values, G_N_ELEMENTS (values), ATLAS_CLASSIFY_QUANTILE, 5, &b);
  assert_bounds (&b, (double[]) { 1, 3, 5, 7, 9 }, (double[]) { 2, 4, 6, 8, 10 }, 5);

  /* Six ones cannot be split: the classes they would leave empty are merged. */
  classify_ok (ties, G_N_ELEMENTS (ties), ATLAS_CLASSIFY_QUANTILE, 4, &b);
  assert_bounds (&b, (double[]) { 1, 2, 3 }, (double[]) { 1, 2, 3 }, 3);
  classify_ok (ties, G_N_ELEMENTS (ties), ATLAS_CLASSIFY_QUANTILE, 2, &b);
  assert_bounds (&b, (double[]) { 1, 2 }, (double[]) { 1, 3 }, 2);
}

static void
test_equal (void)
{
  const double values[] = { 0, 10, 3, 7, 1 };
  const double one[] = { 4, 4, 4 };
  AtlasClassBreaks b;

  classify_ok (values, G_N_ELEMENTS (values), ATLAS_CLASSIFY_EQUAL, 5, &b);
  assert_bounds (&b, (double[]) { 0, 2, 4, 6, 8 }, (double[]) { 2, 4, 6, 8, 10 }, 5);
  g_assert_cmpint (atlas_class_breaks_find (&b, 2), ==, 0);
  g_assert_cmpint (atlas_class_breaks_find (&b, 2.0001), ==, 1);
  g_assert_cmpint (atlas_class_breaks_find (&b, 10), ==, 4);

  classify_ok (one, G_N_ELEMENTS (one), ATLAS_CLASSIFY_EQUAL, 3, &b);
  assert_bounds (&b, (double[]) { 4 }, (double[]) { 4 }, 1);
}

static void
test_fewer_values_than_classes (void)
{
  const double values[] = { 5, 2, 5, 2 };

  for (AtlasClassifyMethod m = ATLAS_CLASSIFY_QUANTILE; m <= ATLAS_CLASSIFY_JENKS; m++)
    {
      AtlasClassBreaks b;

      classify_ok (values, G_N_ELEMENTS (values), m, 7, &b);
      if (m == ATLAS_CLASSIFY_EQUAL)
        {
          g_assert_cmpuint (b.n_classes, ==, 7);
          g_assert_cmpint (atlas_class_breaks_find (&b, 2), ==, 0);
          g_assert_cmpint (atlas_class_breaks_find (&b, 5), ==, 6);
        }
      else
        assert_bounds (&b, (double[]) { 2, 5 }, (double[]) { 2, 5 }, 2);
    }
}

/* Exhaustive search over every way to cut the distinct values into k classes. */
static double
best_ssd (const double *sorted,
          gsize         n,
          const gsize  *firsts,  /* index in sorted of each distinct value */
          gsize         m,
          guint         k)
{
  gsize cut[ATLAS_CLASSIFY_MAX_CLASSES];
  gsize starts[ATLAS_CLASSIFY_MAX_CLASSES];
  double best = G_MAXDOUBLE;

  for (guint c = 0; c < k; c++)
    cut[c] = c;
  for (;;)
    {
      int c;

      for (guint i = 0; i < k; i++)
        starts[i] = firsts[cut[i]];
      best = MIN (best, atlas_classify_within_ssd (sorted, n, starts, k));
      /* Next combination of k - 1 cut points among 1 .. m - 1 (cut[0] stays 0). */
      for (c = k - 1; c >= 1 && cut[c] == m - k + c; c--)
        ;
      if (c < 1)
        break;
      cut[c]++;
      for (guint i = c + 1; i < k; i++)
        cut[i] = cut[i - 1] + 1;
    }
  return best;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
test_jenks_is_optimal (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 300; round++)
    {
      gsize n = g_rand_int_range (rand, 3, 13);
      guint k = g_rand_int_range (rand, 2, 6);
      double values[13];
      gsize firsts[13], m = 0, starts[ATLAS_CLASSIFY_MAX_CLASSES];
      AtlasClassBreaks b;
      double ours, best;

      /* Few distinct figures, so that ties are common. */
      for (gsize i = 0; i < n; i++)
        values[i] = g_rand_int_range (rand, 0, 9) * 1.5;
      classify_ok (values, n, ATLAS_CLASSIFY_JENKS, k, &b);

      qsort (values, n, sizeof (double), compare_doubles);
      for (gsize i = 0; i < n; i++)
        if (i == 0 || values[i] != values[i - 1])
          firsts[m++] = i;
      g_assert_cmpuint (b.n_classes, ==, MIN (m, k));
      if (m <= k)
        continue;

      /* Where each class starts in the sorted values; no value is split from its equals. */
      for (guint c = 0; c < b.n_classes; c++)
        {
          gsize i = 0;

          while (values[i] < b.lower[c])
            i++;
          starts[c] = i;
          g_assert_cmpint (atlas_class_breaks_find (&b, values[i]), ==, c);
          if (c > 0)
            g_assert_cmpfloat (b.upper[c - 1], <, b.lower[c]);
        }
      ours = atlas_classify_within_ssd (values, n, starts, b.n_classes);
      best = best_ssd (values, n, firsts, m, k);
      g_assert_cmpfloat_with_epsilon (ours, best, 1e-9 * (1 + best));
    }
}

static void
test_extremes (void)
{
  const double values[] = { -1e308, NAN, 0, INFINITY, 1e308, -INFINITY, 5, -5, 1e300 };
  const double none[] = { NAN, INFINITY };

  for (AtlasClassifyMethod m = ATLAS_CLASSIFY_QUANTILE; m <= ATLAS_CLASSIFY_JENKS; m++)
    for (guint k = ATLAS_CLASSIFY_MIN_CLASSES; k <= ATLAS_CLASSIFY_MAX_CLASSES; k++)
      {
        AtlasClassBreaks b;

        classify_ok (values, G_N_ELEMENTS (values), m, k, &b);
        g_assert_cmpuint (b.n_classes, >=, 1);
        for (guint c = 0; c < b.n_classes; c++)
          {
            g_assert_true (isfinite (b.lower[c]) && isfinite (b.upper[c]));
            g_assert_cmpfloat (b.lower[c], <=, b.upper[c]);
          }
        g_assert_cmpfloat (b.lower[0], ==, -1e308);
        g_assert_cmpfloat (b.upper[b.n_classes - 1], ==, 1e308);
        for (guint i = 0; i < G_N_ELEMENTS (values); i++)
          {
            int c = atlas_class_breaks_find (&b, values[i]);

            if (!isfinite (values[i]))
              g_assert_cmpint (c, ==, -1);
            else
              {
                g_assert_cmpfloat (values[i], >=, b.lower[c]);
                g_assert_cmpfloat (values[i], <=, b.upper[c]);
              }
          }
        g_assert_cmpint (atlas_class_breaks_find (&b, -1e308), ==, 0);
        g_assert_cmpint (atlas_class_breaks_find (&b, 1e308), ==, b.n_classes - 1);
      }

  for (AtlasClassifyMethod m = ATLAS_CLASSIFY_QUANTILE; m <= ATLAS_CLASSIFY_JENKS; m++)
    {
      AtlasClassBreaks b;

      classify_ok (none, G_N_ELEMENTS (none), m, 3, &b);
      g_assert_cmpuint (b.n_classes, ==, 0);
      g_assert_cmpint (atlas_class_breaks_find (&b, 1), ==, -1);
    }
}

static void
test_manual (void)
{
  const double values[] = { 1, 5, 10, 15, 20 };
  AtlasClassBreaks b;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_classify (values, G_N_ELEMENTS (values), ATLAS_CLASSIFY_MANUAL, 0,
                                 (double[]) { 5, 12 }, 2, &b, &error));
  g_assert_no_error (error);
  assert_bounds (&b, (double[]) { 1, 5, 12 }, (double[]) { 5, 12, 20 }, 3);
  g_assert_cmpint (atlas_class_breaks_find (&b, 5), ==, 0);
  g_assert_cmpint (atlas_class_breaks_find (&b, 10), ==, 1);
  g_assert_cmpint (atlas_class_breaks_find (&b, 15), ==, 2);

  g_assert_false (atlas_classify (values, G_N_ELEMENTS (values), ATLAS_CLASSIFY_MANUAL, 0,
                                  (double[]) { 5, 5 }, 2, &b, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
  g_assert_cmpstr (error->message, ==, "break 2 (5) is not a finite number above the one before it");
  g_clear_error (&error);

  g_assert_false (atlas_classify (values, G_N_ELEMENTS (values), ATLAS_CLASSIFY_MANUAL, 0,
                                  (double[]) { 1, 2, 3, 4, 5, 6, 7 }, 7, &b, &error));
  g_assert_cmpstr (error->message, ==, "between 1 and 6 breaks are needed, not 7");
  g_clear_error (&error);

  g_assert_false (atlas_classify (values, G_N_ELEMENTS (values), ATLAS_CLASSIFY_JENKS, 8,
                                  NULL, 0, &b, &error));
  g_assert_cmpstr (error->message, ==, "8 classes asked for: from 2 to 7 can be shown");
}

static void
test_method_names (void)
{
  for (AtlasClassifyMethod m = ATLAS_CLASSIFY_QUANTILE; m <= ATLAS_CLASSIFY_MANUAL; m++)
    {
      AtlasClassifyMethod back = 99;

      g_assert_true (atlas_classify_method_from_string (atlas_classify_method_to_string (m),
                                                        &back));
      g_assert_cmpint (back, ==, m);
    }
  g_assert_false (atlas_classify_method_from_string ("natural", NULL));
}

/* Many values: natural breaks stay n log n, and every value lands in a class whose bounds
 * hold it. */
static void
test_many_values (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (200000);
  g_autofree double *values = g_new (double, 200000);
  guint counts[ATLAS_CLASSIFY_MAX_CLASSES] = { 0 };
  AtlasClassBreaks b;

  for (guint i = 0; i < 200000; i++)
    values[i] = g_rand_double_range (rand, 0, 100) + (i % 3 == 0 ? 400 : 0);
  classify_ok (values, 200000, ATLAS_CLASSIFY_JENKS, 5, &b);
  g_assert_cmpuint (b.n_classes, ==, 5);
  for (guint i = 0; i < 200000; i++)
    {
      int c = atlas_class_breaks_find (&b, values[i]);

      g_assert_cmpfloat (values[i], >=, b.lower[c]);
      g_assert_cmpfloat (values[i], <=, b.upper[c]);
      counts[c]++;
    }
  for (guint c = 0; c < 5; c++)
    g_assert_cmpuint (counts[c], >, 0);
  /* The gap between the two clusters is one of the breaks. */
  for (guint c = 0; c < 5; c++)
    g_assert_false (b.lower[c] < 100 && b.upper[c] > 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/classify/quantile", test_quantile);
  g_test_add_func ("/classify/equal", test_equal);
  g_test_add_func ("/classify/fewer-values-than-classes", test_fewer_values_than_classes);
  g_test_add_func ("/classify/jenks-is-optimal", test_jenks_is_optimal);
  g_test_add_func ("/classify/extremes", test_extremes);
  g_test_add_func ("/classify/manual", test_manual);
  g_test_add_func ("/classify/method-names", test_method_names);
  g_test_add_func ("/classify/many-values", test_many_values);

  return g_test_run ();
}
