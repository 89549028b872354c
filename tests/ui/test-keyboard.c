/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The keyboard-only flow: from the map, move the focus to the districts list, select Watford,
 * open the export dialog with Ctrl+E and export a slide.
 *
 * What is real and what stands in for a key, since GTK 4 has no public way to inject events:
 * - Tab: gtk_widget_child_focus () on the window, the very call GTK's Tab binding makes, so
 *   the focus chain walked is the one a user walks.
 * - Down in the list: the list box's "move-cursor" key binding signal, as the Down key emits.
 * - Space and Enter on the focused widget: gtk_widget_activate (), what those keys call.
 * - Ctrl+E: the test finds the window's shortcut whose trigger is Ctrl+E and activates the
 *   action it names, so a missing or wrong binding fails the test.
 * - The file chooser is bypassed: the file it would return is handed to the dialog. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "atlas-export-dialog.h"
#include "window-test-util.h"

#define MAX_FOCUS_STEPS 200

static AtlasApplication *app;

static GtkWidget *
get_focus (AtlasWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

typedef gboolean (*FocusPredicate) (GtkWidget *focus, gpointer data);

/* Presses Tab (or an arrow) until the focused widget satisfies the predicate. */
static GtkWidget *
move_focus_until (AtlasWindow      *window,
                  GtkDirectionType  direction,
                  FocusPredicate    predicate,
                  gpointer          data)
{
  for (guint i = 0; i < MAX_FOCUS_STEPS; i++)
    {
      GtkWidget *focus = get_focus (window);

      if (focus != NULL && predicate (focus, data))
        return focus;
      if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
        /* Off the end of the chain: Tab wraps round to the start as GtkWindow does. */
        gtk_widget_child_focus (GTK_WIDGET (window), direction);
      window_test_iterate_pending ();
    }
  g_assert_not_reached ();
}

static gboolean
is_switcher_button (GtkWidget *focus,
                    gpointer   title)
{
  return GTK_IS_TOGGLE_BUTTON (focus) && has_label (focus, title);
}

static gboolean
is_district_row (GtkWidget *focus,
                 gpointer   data)
{
  return GTK_IS_LIST_BOX_ROW (focus) && g_object_get_data (G_OBJECT (focus), "atlas-id") != NULL;
}

static gboolean
is_row_of (GtkWidget *focus,
           gpointer   id)
{
  return GTK_IS_LIST_BOX_ROW (focus)
         && g_strcmp0 (g_object_get_data (G_OBJECT (focus), "atlas-id"), id) == 0;
}

static AtlasExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_EXPORT_DIALOG (item))
        return ATLAS_EXPORT_DIALOG (item);
    }
  return NULL;
}

static void
finished_cb (AtlasExportDialog *dialog,
             gboolean           ok,
             int               *result)
{
  *result = ok ? 1 : 0;
}

static void
test_select_and_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  AtlasWindow *window;
  AtlasSelection *selection;
  AtlasExportDialog *dialog;
  g_autofree char *action = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *focus;
  int result = -1;

  g_assert_no_error (error);
  window = window_test_open (app, dataset);
  selection = atlas_window_get_selection (window);

  /* The map has the focus at the start. */
  g_assert_true (get_focus (window) == _atlas_window_get_map_widget (window));

  /* Tab to the side panel's "Districts" switcher button and press Space. */
  focus = move_focus_until (window, GTK_DIR_TAB_FORWARD, is_switcher_button, "Districts");
  g_assert_true (gtk_widget_activate (focus));
  /* A button activated from the keyboard shows itself pressed for a moment before it clicks. */
  TEST_WAIT_UNTIL (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)), "Space to toggle the focused button");
  window_test_iterate_pending ();

  /* Tab into the list of districts, then Down until Watford, and Enter. */
  focus = move_focus_until (window, GTK_DIR_TAB_FORWARD, is_district_row, NULL);
  for (guint i = 0; i < MAX_FOCUS_STEPS && !is_row_of (focus, "watford"); i++)
    {
      /* Down: the list box's key binding moves its cursor (and the focus) a row. */
      g_signal_emit_by_name (gtk_widget_get_parent (focus), "move-cursor",
                             GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
      focus = get_focus (window);
    }
  g_assert_true (is_row_of (focus, "watford"));
  g_assert_true (gtk_widget_activate (focus));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_DISTRICT);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "watford");

  /* Ctrl+E is bound to the export action, which opens the dialog. */
  action = window_test_find_shortcut_action (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK);
  g_assert_cmpstr (action, ==, "win.export");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);

  /* The Export button would ask for a file; the test hands the dialog the file instead. */
  tmpdir = g_dir_make_tmp ("ics-atlas-keyboard-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "watford.png", NULL);
  file = g_file_new_for_path (path);
  _atlas_export_dialog_set_format (dialog, "png");
  _atlas_export_dialog_set_size (dialog, "slide");
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  _atlas_export_dialog_export_to_file (dialog, file);
  TEST_WAIT_UNTIL (result >= 0, "the export to finish");
  g_assert_cmpint (result, ==, 1);

  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);

  g_unlink (path);
  g_rmdir (tmpdir);
  g_object_unref (dialog);
  window_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

  g_test_add_func ("/keyboard/select-and-export", test_select_and_export);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
