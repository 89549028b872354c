/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-classify.h"

#include <math.h>
#include <stdlib.h>

static const char * const method_names[] = { "quantile", "equal", "jenks", "manual" };

/* The distinct finite values, sorted, with how often each occurs. */
typedef struct {
  double *x;
  double *w;
  gsize m;
} Distinct;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
distinct_init (Distinct     *d,
               const double *values,
               gsize         n)
{
  g_autofree double *sorted = g_new (double, MAX (n, 1));
  gsize k = 0;

  for (gsize i = 0; i < n; i++)
    if (isfinite (values[i]))
      sorted[k++] = values[i];
  qsort (sorted, k, sizeof (double), compare_doubles);

  d->x = g_new (double, MAX (k, 1));
  d->w = g_new (double, MAX (k, 1));
  d->m = 0;
  for (gsize i = 0; i < k; i++)
    {
      if (d->m > 0 && d->x[d->m - 1] == sorted[i])
        d->w[d->m - 1] += 1;
      else
        {
          d->x[d->m] = sorted[i];
          d->w[d->m++] = 1;
        }
    }
}

static void
distinct_clear (Distinct *d)
{
  g_free (d->x);
  g_free (d->w);
}

/* lo + (hi - lo) * t without overflowing when hi - lo is beyond the doubles. */
static double
lerp (double lo,
      double hi,
      double t)
{
  double span = hi - lo;

  if (isfinite (span))
    return lo + span * t;
  return lo * (1 - t) + hi * t;
}

/* One class per distinct value: when there are no more of them than classes asked for. */
static void
classify_each (const Distinct   *d,
               AtlasClassBreaks *out)
{
  out->n_classes = d->m;
  for (gsize i = 0; i < d->m; i++)
    out->lower[i] = out->upper[i] = d->x[i];
}

/* Classes from the indices of their first distinct value. */
static void
classes_from_starts (const Distinct   *d,
                     const gsize      *starts,
                     guint             n,
                     AtlasClassBreaks *out)
{
  out->n_classes = n;
  for (guint c = 0; c < n; c++)
    {
      gsize end = c + 1 < n ? starts[c + 1] : d->m;

      out->lower[c] = d->x[starts[c]];
      out->upper[c] = d->x[end - 1];
    }
}

static void
classify_equal (const Distinct   *d,
                guint             k,
                AtlasClassBreaks *out)
{
  double lo = d->x[0], hi = d->x[d->m - 1];

  out->n_classes = k;
  for (guint c = 0; c < k; c++)
    {
      out->lower[c] = c == 0 ? lo : out->upper[c - 1];
      out->upper[c] = c + 1 == k ? hi : lerp (lo, hi, (double) (c + 1) / k);
    }
}

/* Each class ends at the value below which (c + 1) / k of the values lie; a class that ties
 * leave empty is merged into the one before. */
static void
classify_quantile (const Distinct   *d,
                   guint             k,
                   AtlasClassBreaks *out)
{
  gsize starts[ATLAS_CLASSIFY_MAX_CLASSES];
  double total = 0, seen = 0;
  guint n = 0;
  gsize next = 0;

  for (gsize i = 0; i < d->m; i++)
    total += d->w[i];
  for (guint c = 0; c < k && next < d->m; c++)
    {
      double target = total * (c + 1) / k;
      gsize end = next;

      starts[n++] = next;
      seen += d->w[end];
      while (end + 1 < d->m && (seen < target || c + 1 == k))
        seen += d->w[++end];
      next = end + 1;
    }
  classes_from_starts (d, starts, n, out);
}

typedef struct {
  const Distinct *d;
  double *w, *s1, *s2;   /* prefix sums of weights, weighted values, weighted squares */
  double *prev, *cur;
  gsize *arg;            /* k rows of m: where the last class starts */
} Jenks;

/* Sum of squared deviations of distinct values i..j (inclusive). */
static inline double
ssd (const Jenks *j,
     gsize        i,
     gsize        k)
{
  double w = j->w[k + 1] - j->w[i];
  double s1 = j->s1[k + 1] - j->s1[i];
  double s2 = j->s2[k + 1] - j->s2[i];

  return MAX (s2 - s1 * s1 / w, 0.0);
}

/* The row of class c for ends jlo..jhi, knowing the best start lies in ilo..ihi: the best
 * start never moves left as the end moves right, so halving the ends halves the search. */
static void
jenks_row (Jenks *j,
           guint  c,
           gsize  jlo,
           gsize  jhi,
           gsize  ilo,
           gsize  ihi)
{
  while (jlo <= jhi)
    {
      gsize mid = jlo + (jhi - jlo) / 2;
      gsize best_i = MAX (ilo, c);
      double best = G_MAXDOUBLE;

      for (gsize i = MAX (ilo, c); i <= MIN (ihi, mid); i++)
        {
          double cost = j->prev[i - 1] + ssd (j, i, mid);

          if (cost < best)
            {
              best = cost;
              best_i = i;
            }
        }
      j->cur[mid] = best;
      j->arg[c * j->d->m + mid] = best_i;
      if (mid > jlo)
        jenks_row (j, c, jlo, mid - 1, ilo, best_i);
      jlo = mid + 1;
      ilo = best_i;
    }
}

static void
classify_jenks (const Distinct   *d,
                guint             k,
                AtlasClassBreaks *out)
{
  gsize m = d->m;
  gsize starts[ATLAS_CLASSIFY_MAX_CLASSES];
  double scale = MAX (fabs (d->x[0]), fabs (d->x[m - 1]));
  double mean = 0, total = 0;
  Jenks j = { d };

  j.w = g_new0 (double, m + 1);
  j.s1 = g_new0 (double, m + 1);
  j.s2 = g_new0 (double, m + 1);
  j.prev = g_new (double, m);
  j.cur = g_new (double, m);
  j.arg = g_new0 (gsize, (gsize) k * m);

  /* Scaled and centred, so that squares neither overflow nor cancel. */
  for (gsize i = 0; i < m; i++)
    {
      mean += d->w[i] * (d->x[i] / scale);
      total += d->w[i];
    }
  mean /= total;
  for (gsize i = 0; i < m; i++)
    {
      double x = d->x[i] / scale - mean;

      j.w[i + 1] = j.w[i] + d->w[i];
      j.s1[i + 1] = j.s1[i] + d->w[i] * x;
      j.s2[i + 1] = j.s2[i] + d->w[i] * x * x;
    }

  for (gsize e = 0; e < m; e++)
    j.prev[e] = ssd (&j, 0, e);
  for (guint c = 1; c < k; c++)
    {
      double *swap;

      jenks_row (&j, c, c, m - 1, c, m - 1);
      swap = j.prev;
      j.prev = j.cur;
      j.cur = swap;
    }

  starts[0] = 0;
  for (gsize c = k - 1, end = m - 1; c > 0; c--)
    {
      starts[c] = j.arg[c * m + end];
      end = starts[c] - 1;
    }
  classes_from_starts (d, starts, k, out);

  g_free (j.w);
  g_free (j.s1);
  g_free (j.s2);
  g_free (j.prev);
  g_free (j.cur);
  g_free (j.arg);
}

static gboolean
check_breaks (const double  *breaks,
              guint          n_breaks,
              GError       **error)
{
  if (n_breaks < 1 || n_breaks > ATLAS_CLASSIFY_MAX_CLASSES - 1)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                   "between 1 and %d breaks are needed, not %u", ATLAS_CLASSIFY_MAX_CLASSES - 1,
                   n_breaks);
      return FALSE;
    }
  for (guint b = 0; b < n_breaks; b++)
    if (!isfinite (breaks[b]) || (b > 0 && breaks[b] <= breaks[b - 1]))
      {
        g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                     "break %u (%g) is not a finite number above the one before it", b + 1,
                     breaks[b]);
        return FALSE;
      }
  return TRUE;
}

static void
classify_manual (const Distinct   *d,
                 const double     *breaks,
                 guint             n_breaks,
                 AtlasClassBreaks *out)
{
  out->n_classes = n_breaks + 1;
  for (guint c = 0; c <= n_breaks; c++)
    {
      out->lower[c] = c == 0 ? MIN (d->x[0], breaks[0]) : breaks[c - 1];
      out->upper[c] = c == n_breaks ? MAX (d->x[d->m - 1], breaks[n_breaks - 1]) : breaks[c];
    }
}

const char *
atlas_classify_method_to_string (AtlasClassifyMethod method)
{
  g_return_val_if_fail (method <= ATLAS_CLASSIFY_MANUAL, NULL);
  return method_names[method];
}

gboolean
atlas_classify_method_from_string (const char          *text,
                                   AtlasClassifyMethod *method)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    if (g_ascii_strcasecmp (text, method_names[i]) == 0)
      {
        if (method != NULL)
          *method = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
atlas_classify (const double         *values,
                gsize                 n,
                AtlasClassifyMethod   method,
                guint                 n_classes,
                const double         *breaks,
                guint                 n_breaks,
                AtlasClassBreaks     *out,
                GError              **error)
{
  Distinct d;

  g_return_val_if_fail (values != NULL || n == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (method <= ATLAS_CLASSIFY_MANUAL, FALSE);
  g_return_val_if_fail (breaks != NULL || n_breaks == 0, FALSE);

  out->n_classes = 0;
  if (method != ATLAS_CLASSIFY_MANUAL
      && (n_classes < ATLAS_CLASSIFY_MIN_CLASSES || n_classes > ATLAS_CLASSIFY_MAX_CLASSES))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                   "%u classes asked for: from %d to %d can be shown", n_classes,
                   ATLAS_CLASSIFY_MIN_CLASSES, ATLAS_CLASSIFY_MAX_CLASSES);
      return FALSE;
    }
  if (method == ATLAS_CLASSIFY_MANUAL && !check_breaks (breaks, n_breaks, error))
    return FALSE;

  distinct_init (&d, values, n);
  if (d.m == 0)
    ;  /* no figure at all: no class */
  else if (method == ATLAS_CLASSIFY_MANUAL)
    classify_manual (&d, breaks, n_breaks, out);
  else if (method == ATLAS_CLASSIFY_EQUAL)
    {
      if (d.m == 1)
        classify_each (&d, out);
      else
        classify_equal (&d, n_classes, out);
    }
  else if (d.m <= n_classes)
    classify_each (&d, out);
  else if (method == ATLAS_CLASSIFY_QUANTILE)
    classify_quantile (&d, n_classes, out);
  else
    classify_jenks (&d, n_classes, out);

  distinct_clear (&d);
  return TRUE;
}

int
atlas_class_breaks_find (const AtlasClassBreaks *breaks,
                         double                  value)
{
  guint lo = 0, hi;

  g_return_val_if_fail (breaks != NULL, -1);

  if (!isfinite (value) || breaks->n_classes == 0)
    return -1;
  hi = breaks->n_classes - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (value <= breaks->upper[mid])
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

double
atlas_classify_within_ssd (const double *sorted,
                           gsize         n,
                           const gsize  *starts,
                           guint         n_classes)
{
  double total = 0;

  g_return_val_if_fail (sorted != NULL && starts != NULL, 0);

  for (guint c = 0; c < n_classes; c++)
    {
      gsize end = c + 1 < n_classes ? starts[c + 1] : n;
      double mean = 0;

      for (gsize i = starts[c]; i < end; i++)
        mean += sorted[i];
      mean /= (double) (end - starts[c]);
      for (gsize i = starts[c]; i < end; i++)
        total += (sorted[i] - mean) * (sorted[i] - mean);
    }
  return total;
}
