// HTML to text with gumbo (the HTML5 parsing algorithm, so broken markup from
// partner feeds is read the way a browser would read it).
#include "analysis/html_text.h"

#include <gumbo.h>

namespace tec::analysis {
namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

class TextCollector {
 public:
  void visit(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        append_text(node->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
        const bool block = is_block(tag);
        if (block) line_break();
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
          visit(static_cast<const GumboNode*>(children.data[i]));
        }
        if (block) line_break();
        break;
      }
      case GUMBO_NODE_DOCUMENT: {
        const GumboVector& children = node->v.document.children;
        for (unsigned i = 0; i < children.length; ++i) {
          visit(static_cast<const GumboNode*>(children.data[i]));
        }
        break;
      }
      default:
        break;
    }
  }

  std::string take() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  // Collapses whitespace runs the way a browser renders them.
  void append_text(const char* text) {
    for (const char* p = text; *p; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') out_ += ' ';
      } else {
        out_ += c;
      }
    }
  }

  void line_break() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }

  std::string out_;
};

}  // namespace

std::string html_to_text(std::string_view html) {
  if (html.find_first_of("<&") == std::string_view::npos) return std::string(html);
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  TextCollector collector;
  collector.visit(output->document);
  gumbo_destroy_output(&options, output);
  return collector.take();
}

}  // namespace tec::analysis
