# The books endpoint in Ruby: a one-file Rails 6.1 app on WEBrick.
# Usage: ruby server.rb [--keep-nagle] PORT
ENV["RAILS_ENV"] ||= "production"
require "tmpdir"
require "action_controller/railtie"
require "rack/handler/webrick"

class BooksApp < Rails::Application
  config.root = Dir.tmpdir              # Rails wants a root folder; ours has nothing in it
  config.api_only = true                # no cookies, sessions or views: a JSON API
  config.eager_load = true              # load all code at boot, as production does
  config.secret_key_base = "not-a-secret-this-app-signs-nothing"
  config.logger = Logger.new(nil)
  config.hosts << "127.0.0.1"             # answer only requests addressed to it
end

class BooksController < ActionController::API
  BOOKS = { 1 => "Dune", 2 => "Kindred", 3 => "Neuromancer" }.freeze

  def show
    id = params[:id].to_i
    if BOOKS.key?(id)
      render json: { id: id, title: BOOKS[id] }
    else
      render json: { error: "book not found" }, status: :not_found
    end
  end
end

BooksApp.initialize!
BooksApp.routes.draw do
  get "/books/:id", to: "books#show", constraints: { id: /\d+/ }
end

# WEBrick leaves Nagle's algorithm on; switch it off on every accepted connection.
no_delay = ->(socket) { socket.setsockopt(Socket::IPPROTO_TCP, Socket::TCP_NODELAY, true) }
Rack::Handler::WEBrick.run(
  BooksApp, Host: "127.0.0.1", Port: Integer(ARGV.last),
  AcceptCallback: (no_delay unless ARGV.include?("--keep-nagle")),
  Logger: WEBrick::Log.new(File::NULL), AccessLog: []
)
