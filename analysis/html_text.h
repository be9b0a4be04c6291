// HTML to plain text for resource bodies: tags removed, entities decoded,
// block elements turned into line breaks so snippets do not glue paragraphs.
#pragma once

#include <string>
#include <string_view>

namespace tec::analysis {

// Returns `html` as readable text. Text without markup or entities is returned
// unchanged, so plain bodies cost nothing.
std::string html_to_text(std::string_view html);

}  // namespace tec::analysis
