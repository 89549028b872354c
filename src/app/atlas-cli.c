/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-cli.h"
#include "atlas-cli-data.h"
#include "atlas-cli-document.h"
#include "atlas-cli-search.h"
#include "atlas-dataset.h"
#include "atlas-document.h"
#include "atlas-export.h"
#include "atlas-export-pack.h"
#include "atlas-text.h"

#define DATASET_REQUEST_KEY "atlas-cli-dataset-request"
#define DOCUMENT_REQUEST_KEY "atlas-cli-document-request"
#define LAYERS_REQUEST_KEY "atlas-cli-layers-request"

/* A command runs when its option is given; the first one in the table wins. args are the
 * arguments left after the options. To add a command, add its option entry and a row here. */
typedef int (*CommandFunc) (GApplication        *app,
                            GVariantDict        *options,
                            const char * const  *args);

static int run_version  (GApplication *app, GVariantDict *options, const char * const *args);
static int run_validate (GApplication *app, GVariantDict *options, const char * const *args);
static int run_locate   (GApplication *app, GVariantDict *options, const char * const *args);
static int run_list     (GApplication *app, GVariantDict *options, const char * const *args);
static int run_export   (GApplication *app, GVariantDict *options, const char * const *args);
static int run_export_pack (GApplication *app, GVariantDict *options, const char * const *args);
static int run_search   (GApplication *app, GVariantDict *options, const char * const *args);

static const struct {
  const char *option;
  CommandFunc run;
} commands[] = {
  { "version", run_version },
  { "validate", run_validate },
  { "locate", run_locate },
  { "list", run_list },
  { "export", run_export },
  { "export-pack", run_export_pack },
  { "search", run_search },
};

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "dataset", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The care system: a bundled id (hwe, nel) or a dataset file; hwe by default"), N_("ID|FILE") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the datasets named after the options (ids or files; both bundled systems when "
       "none is named), print a summary line for each and every problem found, and exit"), NULL },
  { "locate", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the id and name of the district containing a point, and exit"), N_("LAT,LON") },
  { "list", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print one tab-separated row per record, id first, and exit"),
    N_("districts|sites|partnerships|trusts|priorities") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the map as a PNG, SVG or PDF file (by its extension), and exit"), N_("FILE") },
  { "map", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("A map document to open, or with --export or --export-pack to draw: its system, view, "
       "thematic layer, selection and annotations"), N_("FILE.atlas") },
  { "select", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the record to show selected (a district, partnership, trust, site, "
       "priority or update)"), N_("ID") },
  { "thematic", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --export-pack: colour the districts by their partnerships (default) "
       "or by an indicator"), N_("partnerships|INDICATOR") },
  { "basemap", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the base map; exports always draw the offline map"), N_("offline|osm") },
  { "report-layout", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: print one line per element drawn, KIND<TAB>TEXT<TAB>X<TAB>Y<TAB>W<TAB>H "
       "in output units"), NULL },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: slide (default), 4k, a4, a3 (landscape), a4-portrait, a3-portrait or "
       "WIDTHxHEIGHT"), N_("SIZE") },
  /* Bytes, not STRING: GOption's own conversion would fail on text that is not UTF-8 with a
   * message that names no option. */
  { "title", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export: the title instead of the selection's name"), N_("TEXT") },
  { "export-pack", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the meeting pack (a PDF and one PNG per page) into a folder, and exit"),
    N_("FOLDER") },
  { "data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Colour the districts by the figures of a CSV or TSV file (a Fingertips download or a "
       "sheet with a column of areas); with --export, --export-pack or the window"), N_("FILE") },
  { "column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --data: the column of figures to show"), N_("NAME") },
  { "classes", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --data: how many classes, 2 to 7 (5 by default)"), N_("N") },
  { "method", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --data: how the classes are made (quantile by default)"),
    N_("quantile|equal|jenks") },
  { "palette", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --data: the colours, such as ylgnbu, viridis, rdbu or okabe-ito"), N_("NAME") },
  { "points", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw the places of a CSV file with latitude and longitude columns, or of a GeoJSON "
       "file; with --export, --export-pack or the window"), N_("FILE") },
  { "by", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pack: a page per district (default), per partnership, or both (each "
       "partnership followed by its districts)"),
    N_("district|partnership|both") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print what the care system says that matches the words (forgiving a typing error or "
       "two), best first, one tab-separated row each: kind, id, name, where found; and exit"),
    N_("TEXT") },
  { "progress", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pack: report each page on standard error even when it is not a terminal"),
    NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[ID|FILE…]") },
  { NULL }
};

static const char *
lookup_string (GVariantDict *options,
               const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "&s", &value))
    g_variant_dict_lookup (options, name, "^&ay", &value);
  return value;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Everything printed goes through the two functions below: text from a file or the command
 * line is escaped (atlas_text_escape), so that a record stays on one line and nothing in a
 * file can drive the terminal. */

/* One line: the fields, escaped, separated by tabs (first to a NULL). */
static void
print_row (FILE       *stream,
           const char *first,
           ...)
{
  va_list args;
  const char *field;

  va_start (args, first);
  for (field = first; field != NULL; field = va_arg (args, const char *))
    {
      g_autofree char *escaped = atlas_text_escape (field);

      fprintf (stream, "%s%s", field == first ? "" : "\t", escaped);
    }
  va_end (args);
  fputc ('\n', stream);
}

/* A message on standard error; a dataset's problems one per line. */
static void
print_message (const char *prefix,
               const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = atlas_text_escape (lines[i]);

      fprintf (stderr, "%s%s\n", prefix, escaped);
    }
}

/* A message built from a translated format and what the user typed. */
static void G_GNUC_PRINTF (1, 2)
print_usage_error (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = atlas_text_escape (message);
  fprintf (stderr, "%s\n", escaped);
}

/* How a command reports an error it cannot go on from; returns its exit status. */
static int
report_error (const GError *error)
{
  g_autofree char *escaped = atlas_text_escape (error->message);

  fprintf (stderr, "ics-atlas: %s\n", escaped);
  return 1;
}

static AtlasDataset *
load_or_report (const char *id_or_path)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (id_or_path, &error);

  if (dataset == NULL)
    print_message ("", error->message);
  return dataset;
}

static AtlasDataset *
load_requested (GVariantDict *options)
{
  const char *request = lookup_string (options, "dataset");

  return load_or_report (request != NULL ? request : "hwe");
}

static int
run_version (GApplication        *app,
             GVariantDict        *options,
             const char * const  *args)
{
  printf ("ics-atlas %s\n", PACKAGE_VERSION);
  return 0;
}

static int
run_validate (GApplication        *app,
              GVariantDict        *options,
              const char * const  *args)
{
  const char *request = lookup_string (options, "dataset");
  const char *single[] = { request, NULL };
  const char * const *targets = atlas_dataset_bundled_ids ();
  int status = 0;
  guint i;

  if (args != NULL && args[0] != NULL)
    targets = args;
  else if (request != NULL)
    targets = single;

  for (i = 0; targets[i] != NULL; i++)
    {
      g_autoptr(AtlasDataset) dataset = NULL;
      guint districts, sites, partnerships, trusts, priorities;

      if (atlas_document_is_document_name (targets[i]))
        {
          status |= _atlas_cli_validate_document (targets[i]);
          continue;
        }
      dataset = load_or_report (targets[i]);
      if (dataset == NULL)
        {
          status = 1;
          continue;
        }
      atlas_dataset_get_districts (dataset, &districts);
      atlas_dataset_get_sites (dataset, &sites);
      atlas_dataset_get_partnerships (dataset, &partnerships);
      atlas_dataset_get_trusts (dataset, &trusts);
      atlas_dataset_get_priorities (dataset, &priorities);
      {
        g_autofree char *id = atlas_text_escape (atlas_dataset_get_id (dataset));

        printf ("%s: %u districts, %u sites, %u partnerships, %u trusts, %u priorities\n",
                id, districts, sites, partnerships, trusts, priorities);
      }
    }
  return status;
}

static gboolean
parse_degrees (const char *text,
               double      limit,
               double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (copy[0] == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && *out >= -limit && *out <= limit;
}

static int
run_locate (GApplication        *app,
            GVariantDict        *options,
            const char * const  *args)
{
  const char *point = lookup_string (options, "locate");
  g_auto(GStrv) parts = g_strsplit (point, ",", -1);
  g_autoptr(AtlasDataset) dataset = NULL;
  const AtlasDistrict *district;
  double lat, lon;

  if (g_strv_length (parts) != 2 || !parse_degrees (parts[0], 90, &lat) ||
      !parse_degrees (parts[1], 180, &lon))
    {
      print_usage_error (_("ics-atlas: --locate expects LAT,LON in decimal degrees (latitude "
                           "-90 to 90, longitude -180 to 180), for example 51.6497,-0.4011; "
                           "got “%s”"), point);
      return 1;
    }

  dataset = load_requested (options);
  if (dataset == NULL)
    return 1;
  district = atlas_dataset_locate (dataset, lat, lon);
  if (district == NULL)
    {
      print_usage_error (_("No district of %s contains %s,%s"), atlas_dataset_get_id (dataset),
                         g_strstrip (parts[0]), g_strstrip (parts[1]));
      return 1;
    }
  print_row (stdout, district->id, district->name, NULL);
  return 0;
}

static void
print_districts (AtlasDataset *dataset)
{
  const AtlasDistrict *districts;
  guint n, i;

  districts = atlas_dataset_get_districts (dataset, &n);
  for (i = 0; i < n; i++)
    print_row (stdout, districts[i].id, districts[i].name, districts[i].code,
               or_empty (districts[i].council), or_empty (districts[i].county),
               districts[i].partnership != NULL ? districts[i].partnership->id : "", NULL);
}

static void
print_sites (AtlasDataset *dataset)
{
  static const char * const kinds[] = { "acute", "local", "other" };
  const AtlasSite *sites;
  guint n, i;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.15g", sites[i].lat);
      g_ascii_formatd (lon, sizeof lon, "%.15g", sites[i].lon);
      print_row (stdout, sites[i].id, sites[i].name, kinds[sites[i].kind], lat, lon,
                 sites[i].district->id, sites[i].trust->id, or_empty (sites[i].town), NULL);
    }
}

static void
print_partnerships (AtlasDataset *dataset)
{
  const AtlasPartnership *partnerships;
  guint n, i, k;

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasPartnership *p = &partnerships[i];
      g_autoptr(GString) members = g_string_new (NULL);
      char colour[8];

      for (k = 0; k < p->n_districts; k++)
        g_string_append_printf (members, "%s%s", k > 0 ? "," : "", p->districts[k]->id);
      g_snprintf (colour, sizeof colour, "#%06x", atlas_dataset_get_partnership_colour (dataset, p));
      print_row (stdout, p->id, p->name, p->kind == ATLAS_PARTNERSHIP_PLACE ? "place" : "thematic",
                 colour, members->str, NULL);
    }
}

static void
print_trusts (AtlasDataset *dataset)
{
  const AtlasTrust *trusts;
  guint n, i;

  trusts = atlas_dataset_get_trusts (dataset, &n);
  for (i = 0; i < n; i++)
    print_row (stdout, trusts[i].id, trusts[i].name, or_empty (trusts[i].short_name),
               trusts[i].kind, or_empty (trusts[i].area), NULL);
}

static void
print_priorities (AtlasDataset *dataset)
{
  const AtlasPriority *priorities;
  guint n, i;

  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (i = 0; i < n; i++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", priorities[i].number);
      print_row (stdout, priorities[i].id, number, priorities[i].title,
                 or_empty (priorities[i].group),
                 priorities[i].partnership != NULL ? priorities[i].partnership->id : "", NULL);
    }
}

static int
run_list (GApplication        *app,
          GVariantDict        *options,
          const char * const  *args)
{
  static const struct {
    const char *kind;
    void (*print) (AtlasDataset *dataset);
  } lists[] = {
    { "districts", print_districts },
    { "sites", print_sites },
    { "partnerships", print_partnerships },
    { "trusts", print_trusts },
    { "priorities", print_priorities },
  };
  const char *kind = lookup_string (options, "list");
  g_autoptr(AtlasDataset) dataset = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (lists); i++)
    if (strcmp (lists[i].kind, kind) == 0)
      break;
  if (i == G_N_ELEMENTS (lists))
    {
      print_usage_error (_("ics-atlas: --list expects districts, sites, partnerships, trusts or "
                           "priorities; got “%s”"), kind);
      return 1;
    }

  dataset = load_requested (options);
  if (dataset == NULL)
    return 1;
  lists[i].print (dataset);
  return 0;
}

/* What --data, --points, --thematic, --select and --basemap ask the map to show, as the
 * window's map state would hold it; NULL after saying what is wrong. */
static AtlasMapState *
create_state (GVariantDict *options,
              AtlasDataset *dataset)
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(GPtrArray) layers = _atlas_cli_layer_definitions (options);
  const char *thematic = lookup_string (options, "thematic");
  const char *select = lookup_string (options, "select");
  const char *basemap = lookup_string (options, "basemap");

  atlas_map_state_set_dataset (state, dataset);
  if (layers == NULL || !_atlas_cli_add_layers (state, layers))
    return NULL;
  if (thematic != NULL && !atlas_map_state_set_thematic (state, thematic))
    {
      const AtlasIndicator *indicators;
      g_autoptr(GString) ids = g_string_new (ATLAS_MAP_STATE_PARTNERSHIPS);
      guint n = 0;

      indicators = atlas_dataset_get_indicators (dataset, &n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (ids, ", %s", indicators[i].id);
      print_usage_error (_("ics-atlas: %s has no thematic layer “%s”; use one of: %s"),
                         atlas_dataset_get_id (dataset), thematic, ids->str);
      return NULL;
    }
  if (select != NULL
      && !atlas_selection_select_any (atlas_map_state_get_selection (state), select))
    {
      print_usage_error (_("ics-atlas: %s has no district, partnership, trust, site, priority "
                           "or update “%s”; see ics-atlas --list"),
                         atlas_dataset_get_id (dataset), select);
      return NULL;
    }
  if (basemap != NULL && g_strcmp0 (basemap, "offline") != 0)
    {
      if (g_strcmp0 (basemap, "osm") != 0)
        {
          print_usage_error (_("ics-atlas: --basemap expects offline or osm; got “%s”"), basemap);
          return NULL;
        }
      fprintf (stderr, _("ics-atlas: exports draw the offline base map; the OpenStreetMap "
                         "street map is only shown in the window\n"));
    }
  return g_steal_pointer (&state);
}

static int
run_export (GApplication        *app,
            GVariantDict        *options,
            const char * const  *args)
{
  const char *path = lookup_string (options, "export");
  const char *size = lookup_string (options, "size");
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasMapState) state = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AtlasExportOptions export;
  AtlasExportFormat format;

  if (!atlas_export_format_from_name (path, &format, &error))
    return report_error (error);
  if (!g_utf8_validate (or_empty (lookup_string (options, "title")), -1, NULL))
    {
      fprintf (stderr, _("ics-atlas: --title expects UTF-8 text; the text given is not UTF-8\n"));
      return 1;
    }
  if (lookup_string (options, "map") != NULL)
    state = _atlas_cli_open_map (options, lookup_string (options, "map"));
  else if ((dataset = load_requested (options)) != NULL)
    state = create_state (options, dataset);
  if (state == NULL)
    return 1;

  atlas_export_options_init_from_state (&export, state);
  /* A map document's view is what its export frames. */
  if (atlas_map_state_get_view (state, &export.bbox))
    export.framing = ATLAS_EXPORT_FRAME_BBOX;
  export.title = title = atlas_text_one_line (lookup_string (options, "title"), 0);
  if (!atlas_export_parse_size (size != NULL ? size : "slide", format, &export.width,
                                &export.height, &error))
    return report_error (error);
  if (g_variant_dict_contains (options, "report-layout"))
    export.report = report = atlas_export_report_new ();

  file = g_file_new_for_commandline_arg (path);
  if (!atlas_export_to_file (&export, file, format, NULL, &error))
    return report_error (error);
  if (report != NULL)
    {
      g_autofree char *lines = atlas_export_report_format (report);

      fputs (lines, stdout);
    }
  return 0;
}

typedef struct {
  gboolean shown;
  gboolean terminal;     /* one counter, rewritten in place; else a line per step */
} PackProgress;

static void
pack_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  PackProgress *progress = user_data;

  /* TRANSLATORS: progress of the meeting pack on the command line: pages and slides done, of
   * all, e.g. "ics-atlas: meeting pack: 3 of 27". */
  g_autofree char *text = g_strdup_printf (_("ics-atlas: meeting pack: %u of %u"), done, total);

  /* On a terminal the counter is rewritten in place. */
  fprintf (stderr, progress->terminal ? "\r%s" : "%s\n", text);
  fflush (stderr);
}

static int
run_export_pack (GApplication        *app,
                 GVariantDict        *options,
                 const char * const  *args)
{
  const char *path = lookup_string (options, "export-pack");
  const char *by = lookup_string (options, "by");
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasMapState) state = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  AtlasExportPackBy pack_by = ATLAS_EXPORT_PACK_BY_DISTRICT;
  AtlasCartographyOptions base;
  PackProgress progress = { FALSE, FALSE };
  gboolean ok;

  if (path[0] == '\0')
    {
      /* An empty name would mean the current folder. */
      fprintf (stderr, _("ics-atlas: --export-pack expects the name of a folder\n"));
      return 1;
    }
  if (by != NULL && g_strcmp0 (by, "partnership") == 0)
    pack_by = ATLAS_EXPORT_PACK_BY_PARTNERSHIP;
  else if (by != NULL && g_strcmp0 (by, "both") == 0)
    pack_by = ATLAS_EXPORT_PACK_BY_BOTH;
  else if (by != NULL && g_strcmp0 (by, "district") != 0)
    {
      print_usage_error (_("ics-atlas: --by expects district, partnership or both; got “%s”"),
                         by);
      return 1;
    }
  if (lookup_string (options, "map") != NULL)
    state = _atlas_cli_open_map (options, lookup_string (options, "map"));
  else if ((dataset = load_requested (options)) != NULL)
    state = create_state (options, dataset);
  if (state == NULL)
    return 1;
  atlas_map_state_get_cartography (state, &base);

  progress.terminal = isatty (STDERR_FILENO);
  progress.shown = progress.terminal || g_variant_dict_contains (options, "progress");
  folder = g_file_new_for_commandline_arg (path);
  ok = atlas_export_pack (atlas_map_state_get_dataset (state), folder, pack_by, &base,
                          progress.shown ? pack_progress_cb : NULL, &progress, NULL, &error);
  if (progress.terminal && progress.shown)
    fputc ('\n', stderr);
  if (!ok)
    return report_error (error);
  return 0;
}

static int
run_search (GApplication        *app,
            GVariantDict        *options,
            const char * const  *args)
{
  return _atlas_cli_search (load_requested (options), lookup_string (options, "search"));
}

void
atlas_cli_add_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_description (app,
    _("--validate checks the ids or files given after the options, or both bundled systems "
      "when none is given:\n"
      "  ics-atlas --validate\n"
      "  ics-atlas --validate hwe\n"
      "  ics-atlas --validate my-system.json\n"
      "Problems are printed one per line as FILE:LINE:COLUMN: JSON.PATH: what was expected, "
      "and the exit status is 1.\n"
      "Without a command, the window opens the system given by --dataset or as the only "
      "argument.\n"));
}

int
atlas_cli_handle_local_options (GApplication *app,
                                GVariantDict *options)
{
  g_autofree const char **args = NULL;
  g_autoptr(GPtrArray) layers = NULL;
  const char *request;
  guint i;

  g_return_val_if_fail (G_IS_APPLICATION (app), 1);

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &args);

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_variant_dict_contains (options, commands[i].option))
      {
        fflush (stdout);
        i = commands[i].run (app, options, args);
        fflush (stdout);
        return i;
      }

  /* --data and --points for the window: added once its system is open. */
  layers = _atlas_cli_layer_definitions (options);
  if (layers == NULL)
    return 1;
  g_object_set_data_full (G_OBJECT (app), LAYERS_REQUEST_KEY, g_steal_pointer (&layers),
                          (GDestroyNotify) g_ptr_array_unref);

  request = lookup_string (options, "dataset");
  if (request == NULL && args != NULL && args[0] != NULL)
    {
      if (args[1] != NULL)
        {
          fprintf (stderr, _("ics-atlas: open one care system at a time\n"));
          return 1;
        }
      request = args[0];
    }
  /* A map document, by --map or as the only argument, opens in the window. */
  if (lookup_string (options, "map") != NULL || atlas_document_is_document_name (request))
    {
      const char *map = lookup_string (options, "map") != NULL ? lookup_string (options, "map")
                                                                : request;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (map);

      g_object_set_data_full (G_OBJECT (app), DOCUMENT_REQUEST_KEY, g_file_get_path (file),
                              g_free);
      request = request == map ? NULL : request;
    }
  g_object_set_data_full (G_OBJECT (app), DATASET_REQUEST_KEY, g_strdup (request), g_free);
  return -1;
}

const char *
atlas_cli_get_document_request (GApplication *app)
{
  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);

  return g_object_get_data (G_OBJECT (app), DOCUMENT_REQUEST_KEY);
}

const char *
atlas_cli_get_dataset_request (GApplication *app)
{
  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);

  return g_object_get_data (G_OBJECT (app), DATASET_REQUEST_KEY);
}

GPtrArray *
atlas_cli_get_layers_request (GApplication *app)
{
  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);

  return g_object_get_data (G_OBJECT (app), LAYERS_REQUEST_KEY);
}
