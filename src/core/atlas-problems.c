/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "atlas-problems.h"

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
push (AtlasProblems     *problems,
      guint              rank,
      guint              line,
      guint              column,
      AtlasDatasetError  code,
      char              *text)
{
  Problem problem = { rank, line, column, problems->items->len, code, text };

  g_array_append_val (problems->items, problem);
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
atlas_problems_add (AtlasProblems       *problems,
                    guint                file_rank,
                    const char          *display_name,
                    const AtlasJsonNode *node,
                    AtlasDatasetError    code,
                    const char          *format,
                    ...)
{
  g_autofree char *path = atlas_json_node_get_path (node);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  push (problems, file_rank, node->line, node->column, code,
        g_strdup_printf ("%s:%u:%u: %s: %s", display_name, node->line, node->column, path,
                         message));
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
  push (problems, file_rank, line, column, error->code, g_strdup (error->message));
}

guint
atlas_problems_get_count (AtlasProblems *problems)
{
  return problems->items->len;
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
  if (problems->items->len == 1)
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
  g_set_error_literal (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID, text->str);
  return FALSE;
}
