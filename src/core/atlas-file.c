/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-file-private.h"

static const char *
describe_kind (mode_t mode)
{
  if (S_ISFIFO (mode))
    return "it is a named pipe, not a regular file";
  if (S_ISDIR (mode))
    return "it is a folder, not a regular file";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "it is a device, not a regular file";
  if (S_ISSOCK (mode))
    return "it is a socket, not a regular file";
  return "it is not a regular file";
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       saved_errno == ENOENT ? "no such file" : g_strerror (saved_errno));
}

GInputStream *
_atlas_file_open_regular (const char  *path,
                          goffset     *size,
                          GError     **error)
{
  struct stat st;
  int fd, flags;

  /* O_NONBLOCK: opening a named pipe must not wait for a writer. */
  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, saved_errno);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           describe_kind (st.st_mode));
      return NULL;
    }
  /* A regular file: reads block as usual from here on. */
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  *size = st.st_size;
  return g_unix_input_stream_new (fd, TRUE);
}

char *
_atlas_file_resolve_inside (const char  *folder,
                            const char  *child,
                            GError     **error)
{
  g_autofree char *real_folder = realpath (folder, NULL);
  g_autofree char *joined = g_build_filename (folder, child, NULL);
  g_autofree char *real_child = NULL;
  gsize n;

  if (real_folder == NULL)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  real_child = realpath (joined, NULL);
  if (real_child == NULL)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  n = strlen (real_folder);
  /* "/" is its own folder's prefix, with no separator to add. */
  if (strncmp (real_child, real_folder, n) == 0
      && (real_child[n] == '/' || (n == 1 && real_folder[0] == '/')))
    return g_steal_pointer (&real_child);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       "it leads outside the dataset's folder");
  return NULL;
}
