/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "atlas-problems.h"
#include "atlas-text.h"

typedef struct {
  guint rank;
  guint line;
  guint column;
  guint seq;
  AtlasDatasetError code;
  char *text;
} Problem;

struct _AtlasProblems {
  GArray *items;
  guint seq;
  guint n_dropped;   /* problems past ATLAS_PROBLEMS_MAX that sort after every kept one */
  guint worst;       /* index of the kept problem that sorts last, when items is full */
};

static void
clear_problem (gpointer data)
{
  g_free (((Problem *) data)->text);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *p = a, *q = b;

  if (p->rank != q->rank)
    return p->rank < q->rank ? -1 : 1;
  if (p->line != q->line)
    return p->line < q->line ? -1 : 1;
  if (p->column != q->column)
    return p->column < q->column ? -1 : 1;
  return p->seq < q->seq ? -1 : p->seq > q->seq;
}

static void
find_worst (AtlasProblems *problems)
{
  guint i;

  problems->worst = 0;
  for (i = 1; i < problems->items->len; i++)
    if (compare_problems (&g_array_index (problems->items, Problem, i),
                          &g_array_index (problems->items, Problem, problems->worst)) > 0)
      problems->worst = i;
}

/* Whether a problem at this place would be kept: every problem while there are fewer than
 * ATLAS_PROBLEMS_MAX, then only one that sorts before the last kept one (which it replaces).
 * A hostile file with millions of bad coordinates so costs neither millions of messages nor
 * the time to format them. */
static gboolean
would_keep (AtlasProblems *problems,
            guint          rank,
            guint          line,
            guint          column)
{
  Problem probe = { rank, line, column, problems->seq, 0, NULL };

  if (problems->items->len < ATLAS_PROBLEMS_MAX)
    return TRUE;
  if (compare_problems (&probe, &g_array_index (problems->items, Problem,
                                                problems->worst)) < 0)
    return TRUE;
  problems->seq++;
  problems->n_dropped++;
  return FALSE;
}

static void
push (AtlasProblems     *problems,
      guint              rank,
      guint              line,
      guint              column,
      AtlasDatasetError  code,
      char              *text)
{
  Problem problem = { rank, line, column, problems->seq++, code, text };

  if (problems->items->len < ATLAS_PROBLEMS_MAX)
    {
      g_array_append_val (problems->items, problem);
      if (problems->items->len == ATLAS_PROBLEMS_MAX)
        find_worst (problems);
      return;
    }
  g_free (g_array_index (problems->items, Problem, problems->worst).text);
  g_array_index (problems->items, Problem, problems->worst) = problem;
  problems->n_dropped++;
  find_worst (problems);
}

char *
atlas_problems_format_line (const char *display_name,
                            guint       line,
                            guint       column,
                            const char *path,
                            const char *message)
{
  g_autofree char *text = g_strdup_printf ("%s:%u:%u: %s: %s", display_name, line, column, path,
                                           message);

  return atlas_text_escape (text);
}

AtlasProblems *
atlas_problems_new (void)
{
  AtlasProblems *problems = g_new0 (AtlasProblems, 1);

  problems->items = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (problems->items, clear_problem);
  return problems;
}

void
atlas_problems_free (AtlasProblems *problems)
{
  if (problems == NULL)
    return;
  g_array_unref (problems->items);
  g_free (problems);
}

void
atlas_problems_add_valist (AtlasProblems       *problems,
                           guint                file_rank,
                           const char          *display_name,
                           const AtlasJsonNode *node,
                           AtlasDatasetError    code,
                           const char          *format,
                           va_list              args)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (!would_keep (problems, file_rank, node->line, node->column))
    return;
  path = atlas_json_node_get_path (node);
  message = g_strdup_vprintf (format, args);
  push (problems, file_rank, node->line, node->column, code,
        atlas_problems_format_line (display_name, node->line, node->column, path, message));
}

void
atlas_problems_add (AtlasProblems       *problems,
                    guint                file_rank,
                    const char          *display_name,
                    const AtlasJsonNode *node,
                    AtlasDatasetError    code,
                    const char          *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  atlas_problems_add_valist (problems, file_rank, display_name, node, code, format, args);
  va_end (args);
}

void
atlas_problems_add_error (AtlasProblems *problems,
                          guint          file_rank,
                          const GError  *error)
{
  guint line = 0, column = 0;
  const char *p = error->message;

  /* Sort by the position the message names: "NAME:LINE:COLUMN: …". */
  if ((p = strstr (p, ": ")) != NULL)
    {
      const char *c = p, *l;

      while (c > error->message && g_ascii_isdigit (c[-1]))
        c--;
      l = c - 1;
      while (l > error->message && g_ascii_isdigit (l[-1]))
        l--;
      if (c > error->message && c[-1] == ':' && l > error->message && l[-1] == ':')
        {
          line = strtoul (l, NULL, 10);
          column = strtoul (c, NULL, 10);
        }
    }
  if (would_keep (problems, file_rank, line, column))
    push (problems, file_rank, line, column, error->code, atlas_text_escape (error->message));
}

guint
atlas_problems_get_count (AtlasProblems *problems)
{
  return problems->items->len + problems->n_dropped;
}

gboolean
atlas_problems_check (AtlasProblems  *problems,
                      GError        **error)
{
  g_autoptr(GString) text = NULL;
  guint i;

  if (problems->items->len == 0)
    return TRUE;

  g_array_sort (problems->items, compare_problems);
  if (problems->items->len == 1 && problems->n_dropped == 0)
    {
      Problem *only = &g_array_index (problems->items, Problem, 0);

      g_set_error_literal (error, ATLAS_DATASET_ERROR, only->code, only->text);
      return FALSE;
    }

  text = g_string_new (NULL);
  for (i = 0; i < problems->items->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_array_index (problems->items, Problem, i).text);
    }
  if (problems->n_dropped > 0)
    g_string_append_printf (text, "\n… and %u more problems after these", problems->n_dropped);
  g_set_error_literal (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID, text->str);
  return FALSE;
}
