// Registers the bundled resources (:/data, :/icons, :/NOTICE). They are compiled into
// the static drs_ui library, so the linker only keeps them when something calls this.
#pragma once

namespace drs::ui {
void init_resources();
}
