// ui/help_licences.cpp — the libraries the app links or loads, with their licence texts, for
// Help ▸ About. Keep in step with the link lines (cmake/Gui.cmake, script/binding.cmake,
// cli/CMakeLists.txt, app/CMakeLists.txt) and with what ui/theme.cpp loads at run time.
#include "ui/help_window.h"

#include <array>

namespace rdv::ui {

namespace {

#define RDV_MIT_BODY                                                                            \
  "Permission is hereby granted, free of charge, to any person obtaining a copy of this "       \
  "software and associated documentation files (the \"Software\"), to deal in the Software "    \
  "without restriction, including without limitation the rights to use, copy, modify, merge, "  \
  "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons " \
  "to whom the Software is furnished to do so, subject to the following conditions:\n\n"        \
  "The above copyright notice and this permission notice shall be included in all copies or "   \
  "substantial portions of the Software.\n\n"                                                   \
  "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, "      \
  "INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR "   \
  "PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE "  \
  "FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "       \
  "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "     \
  "DEALINGS IN THE SOFTWARE.\n"

#define RDV_ZLIB_BODY                                                                           \
  "This software is provided 'as-is', without any express or implied warranty. In no event "    \
  "will the authors be held liable for any damages arising from the use of this software.\n\n"  \
  "Permission is granted to anyone to use this software for any purpose, including commercial " \
  "applications, and to alter it and redistribute it freely, subject to the following "         \
  "restrictions:\n\n"                                                                           \
  "1. The origin of this software must not be misrepresented; you must not claim that you "     \
  "wrote the original software. If you use this software in a product, an acknowledgment in "   \
  "the product documentation would be appreciated but is not required.\n\n"                     \
  "2. Altered source versions must be plainly marked as such, and must not be misrepresented "  \
  "as being the original software.\n\n"                                                         \
  "3. This notice may not be removed or altered from any source distribution.\n"

#define RDV_BSD3_BODY                                                                           \
  "Redistribution and use in source and binary forms, with or without modification, are "       \
  "permitted provided that the following conditions are met:\n\n"                               \
  "1. Redistributions of source code must retain the above copyright notice, this list of "     \
  "conditions and the following disclaimer.\n\n"                                                \
  "2. Redistributions in binary form must reproduce the above copyright notice, this list of "  \
  "conditions and the following disclaimer in the documentation and/or other materials "        \
  "provided with the distribution.\n\n"                                                         \
  "3. Neither the name of the copyright holder nor the names of its contributors may be used "  \
  "to endorse or promote products derived from this software without specific prior written "   \
  "permission.\n\n"                                                                             \
  "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY "      \
  "EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF "    \
  "MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE " \
  "COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, "  \
  "EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF "         \
  "SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) "     \
  "HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR "   \
  "TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS "         \
  "SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.\n"

constexpr std::array kLicences = {
    Licence{"Dear ImGui 1.86", "the whole interface (built into the app)", "MIT",
            "Copyright (c) 2014-2021 Omar Cornut\n\n" RDV_MIT_BODY},
    Licence{"GLFW 3", "the window, input and OpenGL context (shared library)", "zlib/libpng",
            "Copyright (c) 2002-2006 Marcus Geelnard\nCopyright (c) 2006-2019 Camilla "
            "Löwy\n\n" RDV_ZLIB_BODY},
    Licence{"glad 2 (generated OpenGL 3.3 loader)",
            "loads OpenGL (generated at build time, built in)",
            "generated code: WTFPL or CC0-1.0; the OpenGL registry it is made from: Apache-2.0",
            "The loader in the app is generated by glad (Copyright (c) 2013-2022 David Herberth, "
            "MIT) from the Khronos OpenGL XML registry (Copyright (c) 2013-2022 The Khronos "
            "Group Inc., Apache License 2.0). glad states its generated code is in the public "
            "domain: it may be used under WTFPL or CC0-1.0, at your choice "
            "(SPDX: (WTFPL OR CC0-1.0) AND Apache-2.0).\n\n"
            "khrplatform.h: Copyright (c) 2008-2018 The Khronos Group Inc., under the MIT-style "
            "licence below.\n\n" RDV_MIT_BODY},
    Licence{"Lua 5.4", "runs the scenarios (shared library, C++ build)", "MIT",
            "Copyright (c) 1994-2020 Lua.org, PUC-Rio.\n\n" RDV_MIT_BODY},
    Licence{"stb_image_write and stb_image_resize (stb)", "writes and scales PNGs (shared library)",
            "public domain or MIT, at your choice",
            "Copyright (c) 2017 Sean Barrett\n\n"
            "ALTERNATIVE A - MIT License:\n\n" RDV_MIT_BODY
            "\nALTERNATIVE B - Public Domain (www.unlicense.org): this is free and unencumbered "
            "software released into the public domain. Anyone is free to copy, modify, publish, "
            "use, compile, sell, or distribute this software, either in source code form or as a "
            "compiled binary, for any purpose, commercial or non-commercial, and by any means.\n"},
    Licence{"giflib 5", "writes animated GIFs (File > Export animation; shared library)", "MIT",
            "Copyright (c) 1997 Eric S. Raymond\n\n" RDV_MIT_BODY},
    Licence{"libimagequant 2", "picks each GIF frame's 256 colours (shared library)",
            "GPL-3.0-or-later",
            "Copyright (c) 2009-2018 Kornel Lesiński and contributors. libimagequant is free "
            "software: you can redistribute it and/or modify it under the terms of the GNU "
            "General Public License as published by the Free Software Foundation, either "
            "version 3 of the License, or (at your option) any later version. It is distributed "
            "WITHOUT ANY WARRANTY; see the GNU General Public License for more details: "
            "/usr/share/common-licenses/GPL-3 on Debian, or "
            "https://www.gnu.org/licenses/gpl-3.0.html. As the app links it, the app as "
            "distributed is under the GPL 3 too."},
    Licence{"nlohmann/json 3", "reads and writes traces and --json output (built in)", "MIT",
            "Copyright (c) 2013-2022 Niels Lohmann\n\n" RDV_MIT_BODY},
    Licence{"CLI11 2", "parses the command line (built in)", "BSD-3-Clause",
            "Copyright (c) 2017-2020 University of Cincinnati, developed by Henry Schreiner "
            "under NSF AWARD 1414736. All rights reserved.\n\n" RDV_BSD3_BODY},
    Licence{"DejaVu fonts (Sans, Sans Mono)", "the interface's text (loaded from the system)",
            "Bitstream Vera licence; DejaVu changes public domain",
            "Fonts are (c) Bitstream (see below). DejaVu changes are in public domain. Glyphs "
            "imported from Arev fonts are (c) Tavmjong Bah.\n\n"
            "Bitstream Vera Fonts Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. "
            "Bitstream Vera is a trademark of Bitstream, Inc. The fonts may be used, copied, "
            "merged, modified and distributed, and sold only as part of a larger software "
            "package; the font names may not be used for modified versions. The full text is "
            "installed with the fonts: /usr/share/doc/fonts-dejavu-core/copyright (shown here "
            "when present)."},
    Licence{"doctest", "the test suite only: not part of the app", "MIT",
            "Copyright (c) 2016-2021 Viktor Kirilov\n\n" RDV_MIT_BODY},
};

}  // namespace

std::span<const Licence> licences() {
  return kLicences;
}

}  // namespace rdv::ui
